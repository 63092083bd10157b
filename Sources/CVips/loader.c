// Loads libvips, GLib, cairo, pango and libjpeg when the shim first needs them, by SONAME (the
// ABI the shim was written for), and binds every function of symbols.h. Each library is opened
// once for the process (pthread_once); a library or function that cannot be had makes every
// entry point that needs it fail with one line naming it and the loader's reason, never a crash.
#include "lazy.h"
#include "cvips.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#define CVIPS_FUNCTION(library, type, name, parameters) type (*name) parameters = NULL;
#define CVIPS_HEADER_FUNCTION(library, name) __typeof__(cvips_p_##name) cvips_p_##name = NULL;
#include "symbols.h"
#undef CVIPS_FUNCTION
#undef CVIPS_HEADER_FUNCTION

enum { LIB_GLIB, LIB_GOBJECT, LIB_VIPS, LIB_CAIRO, LIB_PANGO, LIB_PANGOCAIRO, LIB_JPEG, LIB_COUNT };

#if JPEG_LIB_VERSION == 62
#define CVIPS_JPEG_SONAME "libjpeg.so.62"
#elif JPEG_LIB_VERSION == 80
#define CVIPS_JPEG_SONAME "libjpeg.so.8"
#else
#error "jpeglib.h is neither libjpeg 6b's ABI nor 8's: add its SONAME here"
#endif

typedef struct {
    const char *soname;
    void *handle;
    int status;          // 0 loaded with every function, -1 not
    char message[400];   // why not (one line)
} library;

static library libraries[LIB_COUNT] = {
    [LIB_GLIB] = { .soname = "libglib-2.0.so.0" },
    [LIB_GOBJECT] = { .soname = "libgobject-2.0.so.0" },
    [LIB_VIPS] = { .soname = "libvips.so.42" },
    [LIB_CAIRO] = { .soname = "libcairo.so.2" },
    [LIB_PANGO] = { .soname = "libpango-1.0.so.0" },
    [LIB_PANGOCAIRO] = { .soname = "libpangocairo-1.0.so.0" },
    [LIB_JPEG] = { .soname = CVIPS_JPEG_SONAME },
};

typedef struct {
    int library;
    const char *name;
    void **slot;
} symbol;

static const symbol symbols[] = {
#define CVIPS_FUNCTION(library, type, name, parameters) { LIB_##library, #name, (void **)&name },
#define CVIPS_HEADER_FUNCTION(library, name) { LIB_##library, #name, (void **)&cvips_p_##name },
#include "symbols.h"
#undef CVIPS_FUNCTION
#undef CVIPS_HEADER_FUNCTION
};

/// Copies `text` into `out` (size `size`) up to its first line break.
static void first_line(char *out, size_t size, const char *text) {
    size_t n = 0;
    if (text) {
        while (text[n] && text[n] != '\n' && text[n] != '\r' && n + 1 < size) { out[n] = text[n]; n++; }
    }
    out[n] = 0;
}

/// Opens `soname`; NULL with `message` filled when it cannot be.
static void *open_library(const char *soname, char *message, size_t size) {
    void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        char reason[300];
        first_line(reason, sizeof reason, dlerror());
        snprintf(message, size, "the image library %s cannot be loaded (%s)", soname, reason);
    }
    return handle;
}

/// `name`'s address in `handle`; NULL with `message` filled when it is not there.
static void *find_symbol(void *handle, const char *soname, const char *name, char *message, size_t size) {
    dlerror();
    void *address = dlsym(handle, name);
    if (!address) {
        char reason[300];
        first_line(reason, sizeof reason, dlerror());
        snprintf(message, size, "the image library %s has no %s (%s)", soname, name, reason[0] ? reason : "a null symbol");
    }
    return address;
}

static void load(int index) {
    library *lib = &libraries[index];
    lib->status = -1;
    lib->handle = open_library(lib->soname, lib->message, sizeof lib->message);
    if (!lib->handle) return;
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        if (symbols[i].library != index) continue;
        void *address = find_symbol(lib->handle, lib->soname, symbols[i].name, lib->message, sizeof lib->message);
        if (!address) return;
        *symbols[i].slot = address;
    }
    // Never closed: its functions are called until the process ends.
    lib->status = 0;
}

#define ONCE(index) \
    static pthread_once_t once_##index = PTHREAD_ONCE_INIT; \
    static void load_##index(void) { load(index); }
ONCE(LIB_GLIB) ONCE(LIB_GOBJECT) ONCE(LIB_VIPS) ONCE(LIB_CAIRO) ONCE(LIB_PANGO) ONCE(LIB_PANGOCAIRO) ONCE(LIB_JPEG)
#undef ONCE

static pthread_once_t *const onces[LIB_COUNT] = {
    &once_LIB_GLIB, &once_LIB_GOBJECT, &once_LIB_VIPS, &once_LIB_CAIRO, &once_LIB_PANGO, &once_LIB_PANGOCAIRO, &once_LIB_JPEG,
};
static void (*const loaders[LIB_COUNT])(void) = {
    load_LIB_GLIB, load_LIB_GOBJECT, load_LIB_VIPS, load_LIB_CAIRO, load_LIB_PANGO, load_LIB_PANGOCAIRO, load_LIB_JPEG,
};

static atomic_int vips_loaded;
static __thread char failure[512];

void cvips__fail(const char *message) { first_line(failure, sizeof failure, message); }

const char *cvips__take_failure(void) {
    static __thread char taken[512];
    if (!failure[0]) return NULL;
    memcpy(taken, failure, sizeof taken);
    failure[0] = 0;
    return taken;
}

/// Loads `index` (once) and returns its status, recording its reason as this thread's failure.
static int need_library(int index) {
    pthread_once(onces[index], loaders[index]);
    if (libraries[index].status != 0) {
        cvips__fail(libraries[index].message);
        return -1;
    }
    return 0;
}

int cvips__need(int needs) {
    // The library a set is for first, so that its name is the one a failure gives.
    static const int vips_set[] = { LIB_VIPS, LIB_GOBJECT, LIB_GLIB };
    static const int text_set[] = { LIB_PANGOCAIRO, LIB_PANGO, LIB_CAIRO, LIB_GOBJECT, LIB_GLIB };
    if (needs & CVIPS_NEEDS_VIPS) {
        for (size_t i = 0; i < sizeof vips_set / sizeof vips_set[0]; i++) if (need_library(vips_set[i]) != 0) return -1;
        if (!atomic_load_explicit(&vips_loaded, memory_order_relaxed)) atomic_store_explicit(&vips_loaded, 1, memory_order_release);
    }
    if (needs & CVIPS_NEEDS_TEXT) {
        for (size_t i = 0; i < sizeof text_set / sizeof text_set[0]; i++) if (need_library(text_set[i]) != 0) return -1;
    }
    if ((needs & CVIPS_NEEDS_JPEG) && need_library(LIB_JPEG) != 0) return -1;
    return 0;
}

int cvips__vips_loaded(void) { return atomic_load_explicit(&vips_loaded, memory_order_acquire); }

const char *cvips_library_error(const char *soname, const char *name) {
    static __thread char message[512];
    void *handle = open_library(soname, message, sizeof message);
    if (!handle) return message;
    void *address = name ? find_symbol(handle, soname, name, message, sizeof message) : handle;
    dlclose(handle);
    return address ? NULL : message;
}
