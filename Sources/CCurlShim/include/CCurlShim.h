#ifndef SUTA_CCURL_SHIM_H
#define SUTA_CCURL_SHIM_H
#include <curl/curl.h>
#endif
