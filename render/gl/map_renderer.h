#pragma once
// The planner's map on the GPU. Ward triangles and outlines are uploaded once; a ward's fill
// colour comes from a small texture indexed by ward, so moving wards between command units
// rewrites colours only. Command-unit outlines are re-uploaded for the units that changed.
// Three line weights: wards (thin, faded far out), boroughs (medium), command units (thick).
#include "render/gl/handles.h"
#include "render/gl/tessellate.h"

#include <cstdint>
#include <vector>

namespace render::gl {

// What part of the world the framebuffer shows: metres relative to the meshes' origin.
struct ViewTransform {
    double center_x = 0, center_y = 0;
    double metres_per_pixel = 1;
    int width = 1, height = 1;  // framebuffer pixels
};

struct DrawStyle {
    int highlight_ward = -1;         // lightened (the ward under the cursor)
    bool coarse = false;             // simplified shapes (far out)
    float ward_line_alpha = 0.35f;   // 0 hides ward lines
};

// 0xAABBGGRR, as GL reads RGBA bytes on a little-endian machine.
using Rgba = std::uint32_t;
Rgba rgba(unsigned char r, unsigned char g, unsigned char b, unsigned char a = 255);

class MapRenderer {
public:
    MapRenderer(const WardMeshes& meshes, std::size_t wards);

    Origin origin() const { return origin_; }
    double coarse_tolerance() const { return coarse_tolerance_; }
    void set_ward_colours(const std::vector<Rgba>& colours);  // one per ward
    void set_parent_outlines(const std::vector<const GEOSGeometry*>& shapes);
    void set_unit_count(std::size_t units);
    void set_unit_outline(std::size_t unit, const GEOSGeometry* shape);  // null: empty unit
    void draw(const ViewTransform& view, const DrawStyle& style);

private:
    struct Lines {
        VertexArray vao;
        Buffer vbo;
        GLsizei vertices = 0;
    };
    struct Fill {
        VertexArray vao;
        Buffer vbo;
        GLsizei vertices = 0;
    };
    static void upload(Lines& lines, const std::vector<float>& xy);
    static void upload(Fill& fill, const std::vector<float>& xyw);
    void draw_lines(const Lines& lines, const ViewTransform& view, float width, const float rgba[4]);
    void set_transform(GLuint program, const ViewTransform& view);

    Origin origin_;
    double coarse_tolerance_;
    Program fill_program_, line_program_;
    Fill fill_detailed_, fill_coarse_;
    Lines wards_detailed_, wards_coarse_, parents_, units_;
    Texture colours_;
    int colour_rows_ = 1;
    std::vector<std::vector<float>> unit_lines_;
    bool units_dirty_ = true;
};

}  // namespace render::gl
