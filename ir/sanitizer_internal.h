/* Whether this build runs under a memory sanitizer (in-tree only, not
 * installed). Code that trades per-object frees for speed (the op pool,
 * smopt's exit without teardown) does the plain thing instead under one, so
 * use-after-free and leak reports keep covering it. */
#ifndef SM_IR_SANITIZER_INTERNAL_H
#define SM_IR_SANITIZER_INTERNAL_H

#if defined(__SANITIZE_ADDRESS__)
#define SM_MEMORY_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define SM_MEMORY_SANITIZED 1
#endif
#endif
#ifndef SM_MEMORY_SANITIZED
#define SM_MEMORY_SANITIZED 0
#endif

#endif
