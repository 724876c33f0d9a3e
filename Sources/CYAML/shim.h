#ifndef GEN_CYAML_SHIM_H
#define GEN_CYAML_SHIM_H
#include <yaml.h>
#endif
