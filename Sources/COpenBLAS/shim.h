#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H
// OpenBLAS's CBLAS interface (cblas_sgemm) and its threading controls
// (openblas_set_num_threads, openblas_get_corename).
#include <cblas.h>
#endif
