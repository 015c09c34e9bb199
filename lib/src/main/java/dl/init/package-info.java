/** Weight initialization (가중치 초기화): fixed normal, Xavier, Glorot and He. */
package dl.init;
