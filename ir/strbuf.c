/* Growable output buffer: always NUL-terminated once anything was appended. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

static void reserve(SmStrBuf *b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return;
  size_t ncap = b->cap ? b->cap : 64;
  while (ncap < need) ncap *= 2;
  char *n = realloc(b->data, ncap);
  if (!n) abort(); /* out of memory */
  b->data = n;
  b->cap = ncap;
}

void sm_strbuf_append(SmStrBuf *b, const char *s, size_t n) {
  reserve(b, n);
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void sm_strbuf_puts(SmStrBuf *b, const char *s) { sm_strbuf_append(b, s, strlen(s)); }

void sm_strbuf_printf(SmStrBuf *b, const char *fmt, ...) {
  va_list ap;
  reserve(b, 64);
  va_start(ap, fmt);
  int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->data[b->len] = '\0';
    return;
  }
  if ((size_t)n >= b->cap - b->len) {
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
  }
  b->len += (size_t)n;
}

void sm_strbuf_free(SmStrBuf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}
