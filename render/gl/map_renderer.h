#pragma once
// The planner's map on the GPU. Ward triangles and outlines are uploaded once; a ward's fill
// colour comes from a small texture indexed by ward, so moving wards between command units
// rewrites colours only. Command-unit outlines are re-uploaded for the units that changed.
// Three line weights: wards (thin, faded far out), boroughs (medium), command units (thick), each
// at the level of detail of the view.
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
    std::size_t level = 0;           // WardMeshes::levels: 0 as loaded, higher simplified (far out)
    float ward_line_alpha = 0.35f;   // 0 hides ward lines
};

// 0xAABBGGRR, as GL reads RGBA bytes on a little-endian machine.
using Rgba = std::uint32_t;
Rgba rgba(unsigned char r, unsigned char g, unsigned char b, unsigned char a = 255);

class MapRenderer {
public:
    MapRenderer(const WardMeshes& meshes, std::size_t wards);

    Origin origin() const { return origin_; }
    // The coarsest level whose simplification stays under `metres` (about a pixel).
    std::size_t level_for(double metres) const;
    void set_ward_colours(const std::vector<Rgba>& colours);  // one per ward
    void set_parent_outlines(const std::vector<const GEOSGeometry*>& shapes);
    void set_unit_count(std::size_t units);
    void set_unit_outline(std::size_t unit, const GEOSGeometry* shape);  // null: empty unit
    // Water drawn over the ward fills and under every line (the river the wards reach into).
    void set_water(const GEOSGeometry& shape, Rgba colour);
    void draw(const ViewTransform& view, const DrawStyle& style);

private:
    struct Vertices {
        VertexArray vao;
        Buffer vbo;
        GLsizei count = 0;
    };
    // Lines are x,y pairs; the fill carries each vertex's ward as a third float (the colour texel).
    static constexpr int line_floats = 2, fill_floats = 3;
    static void upload(Vertices& vertices, const std::vector<float>& data, int floats_per_vertex);
    struct Level {
        double tolerance = 0;
        Vertices fill, lines;
        std::vector<Range> fill_tiles, line_tiles;
        Vertices parents, units;  // borough and command-unit outlines thinned to the level's tolerance
    };
    void draw_lines(const Vertices& lines, float width, const float rgba[4]);
    void set_transform(GLuint program, const ViewTransform& view);
    void draw_water(const ViewTransform& view);
    // The tiles in view, as first/count runs for glMultiDrawArrays.
    void visible_runs(const ViewTransform& view, const std::vector<Range>& tiles);

    Origin origin_;
    std::vector<geo::Extent> tiles_;
    std::vector<Level> levels_;
    std::vector<GLint> firsts_;     // scratch for visible_runs, kept to avoid allocating per frame
    std::vector<GLsizei> counts_;
    Program fill_program_, line_program_;
    Texture colours_;
    int colour_rows_ = 1;
    Vertices water_;  // triangles (x, y, unused ward), drawn in one colour by the line program
    float water_colour_[4] = {0, 0, 0, 0};
    std::vector<std::vector<float>> unit_lines_;
    bool units_dirty_ = true;
};

}  // namespace render::gl
