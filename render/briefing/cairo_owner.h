#pragma once
// The one file that knows how Cairo objects are freed: move-only owners for surfaces and contexts.
#include <cairo.h>

#include <memory>
#include <string>

namespace render {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const noexcept { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

struct CairoDeleter {
    void operator()(cairo_t* cairo) const noexcept { cairo_destroy(cairo); }
};
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;

// Cairo reports failure through a status on the object, not by returning null: "" when all is well.
inline std::string cairo_problem(cairo_status_t status) {
    return status == CAIRO_STATUS_SUCCESS ? "" : cairo_status_to_string(status);
}

}  // namespace render
