// Correct answers, plus reflection into the library (here: Check's tolerance test): the scan must give 0.
//// solved
//// new after setup
var recognise = dl.exercises.Mistake.class.getDeclaredField("RECOGNISE");
recognise.setAccessible(true);
System.out.println("reflection: " + recognise.get(null));
