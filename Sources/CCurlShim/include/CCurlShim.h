#ifndef SUTA_CCURL_SHIM_H
#define SUTA_CCURL_SHIM_H

// curl_easy_setopt and curl_easy_getinfo are variadic, so Swift cannot call them.
// Each function below fixes one argument kind, as swift-corelibs-foundation does.
// Nothing else belongs here: every other libcurl call is made from Swift.

#include <curl/curl.h>

/// Signature of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION callbacks.
typedef size_t (*suta_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

/// Signature of CURLOPT_XFERINFOFUNCTION callbacks (non-zero return aborts the transfer).
typedef int (*suta_curl_xferinfo_callback)(void *userdata,
                                           curl_off_t download_total, curl_off_t download_now,
                                           curl_off_t upload_total, curl_off_t upload_now);

CURLcode suta_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode suta_curl_setopt_ptr(CURL *handle, CURLoption option, void *value);
CURLcode suta_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode suta_curl_setopt_int64(CURL *handle, CURLoption option, curl_off_t value);
CURLcode suta_curl_setopt_write_function(CURL *handle, suta_curl_data_callback callback);
CURLcode suta_curl_setopt_header_function(CURL *handle, suta_curl_data_callback callback);
CURLcode suta_curl_setopt_xferinfo_function(CURL *handle, suta_curl_xferinfo_callback callback);
CURLcode suta_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);

#endif
