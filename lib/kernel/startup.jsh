// Start-up script of the course's Java kernel (installed by tools/install_kernel.py).
// It only connects the library to JJava's display system; everything else lives in lib/.
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

DisplayData dlDisplayData(java.util.Map<String, Object> bundle) {
    DisplayData data = new DisplayData();
    bundle.forEach((mime, value) -> {
        if (!mime.equals(dl.notebook.Notebook.DISPLAY_ID)) data.putData(mime, value);
    });
    Object id = bundle.get(dl.notebook.Notebook.DISPLAY_ID);
    if (id != null) data.setDisplayId(id.toString());
    return data;
}

dl.notebook.Notebook.attach(
        bundle -> kernel().display(dlDisplayData(bundle)),
        (id, bundle) -> kernel().getIO().display.updateDisplay(id, dlDisplayData(bundle)));

kernel().getRenderer()
        .createRegistration(tech.tablesaw.plotly.components.Figure.class)
        .preferring(dl.plot.Plots.PLOTLY_MIME, "text/html")
        .register((figure, context) -> dl.plot.Plots.displayBundle(figure)
                .forEach((mime, value) -> context.getOutputContainer().putData(mime, value)));

kernel().getRenderer()
        .createRegistration(dl.plot.Chart.class)
        .preferring(dl.plot.Plots.PLOTLY_MIME, "text/html")
        .register((figure, context) -> dl.plot.Plots.displayBundle(figure)
                .forEach((mime, value) -> context.getOutputContainer().putData(mime, value)));

// A Tablesaw table as a cell's last value shows as a formatted HTML table (head and tail if long).
kernel().getRenderer()
        .createRegistration(tech.tablesaw.api.Table.class)
        .preferring("text/html")
        .register((table, context) -> dl.plot.Tables.displayBundle(table)
                .forEach((mime, value) -> context.getOutputContainer().putData(mime, value)));

kernel().getRenderer()
        .createRegistration(dl.plot.PlotlyFigure.class)
        .preferring(dl.plot.Plots.PLOTLY_MIME, "text/html")
        .register((figure, context) -> dl.plot.Plots.displayBundle(figure)
                .forEach((mime, value) -> context.getOutputContainer().putData(mime, value)));
