/**
 * Convolutional networks (합성곱 신경망): im2col/col2im, the convolution layer and max pooling,
 * working on matrices with one C × H × W image per row.
 */
package dl.convolution;
