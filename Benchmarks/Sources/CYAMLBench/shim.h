#ifndef GEN_BENCH_CYAML_SHIM_H
#define GEN_BENCH_CYAML_SHIM_H
#include <yaml.h>
#endif
