#pragma once
// The planner's map on the GPU. Ward triangles and outlines are uploaded once; a ward's fill
// colour comes from a small texture indexed by ward, so moving wards between command units
// rewrites colours only. Command-unit outlines are re-thinned for the units that changed.
// Three line weights: wards (thin, faded far out), boroughs (medium), command units (thick), each
// at the level of detail of the view.
//
// The map is drawn into an image (offscreen_image.h) and copied to the window while nothing it shows
// changes; a change of colours or outlines inside a known area redraws only that part of it. A
// window that keeps its last frame (ui/app/back_buffer.h) takes the copy only where something
// changed (`prepare` says where the map did, `compose` copies into the parts given).
#include "render/gl/handles.h"
#include "render/gl/offscreen_image.h"
#include "render/gl/tessellate.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace render::gl {

// What part of the world the framebuffer shows: metres relative to the meshes' origin.
struct ViewTransform {
    double center_x = 0, center_y = 0;
    double metres_per_pixel = 1;
    int width = 1, height = 1;  // framebuffer pixels
    // The part of the window the map shows, between the panels, which cover the rest: the map is
    // drawn and copied only there, the rest of the window cleared to the background. Width 0: all.
    PixelRect visible;
    bool operator==(const ViewTransform&) const = default;
};

struct DrawStyle {
    int highlight_ward = -1;         // lightened (the ward under the cursor)
    std::size_t level = 0;           // WardMeshes::levels: 0 as loaded, higher simplified (far out)
    float ward_line_alpha = 0.35f;   // 0 hides ward lines
    float background[3] = {0.93f, 0.95f, 0.97f};  // where there are no wards
    bool operator==(const DrawStyle&) const = default;
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
    // `changed`: where on the map (working CRS) the picture changes, so only that part is drawn
    // again; an empty extent for nowhere, nullopt for anywhere.
    void set_ward_colours(const std::vector<Rgba>& colours, const std::optional<geo::Extent>& changed = std::nullopt);  // one per ward
    void set_parent_outlines(const std::vector<const GEOSGeometry*>& shapes);
    void set_unit_count(std::size_t units);
    // Null: an empty unit.
    void set_unit_outline(std::size_t unit, const GEOSGeometry* shape, const std::optional<geo::Extent>& changed = std::nullopt);
    // Water drawn over the ward fills and under every line (the river the wards reach into).
    void set_water(const GEOSGeometry& shape, Rgba colour);
    // Into the window (framebuffer 0), drawing again only what changed since the last call.
    void draw(const ViewTransform& view, const DrawStyle& style);
    // `draw` in two steps, for a window that keeps its last frame and composes only what changed
    // (ui/app/frame_damage.h). First the kept image is brought up to date; the answer is the part
    // of the window whose map differs from what the last frame showed (nullopt: none).
    std::optional<PixelRect> prepare(const ViewTransform& view, const DrawStyle& style);
    // Then the map into these parts of the window (which must not overlap, and hold every pixel of
    // what `prepare` said): the background, and the wards in the map's part of them. A view that
    // moves is drawn straight into the window, in all of the map's part.
    void compose(const ViewTransform& view, const DrawStyle& style, const std::vector<PixelRect>& parts);
    // How many times the wards were drawn (wholly or in part): frames that only copied the
    // image do not count. For tests of when the map is drawn again.
    long draws() const { return draws_; }

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
        std::vector<std::vector<float>> unit_lines;  // each command unit's, thinned; `units` joins them
        bool units_dirty = true;
    };
    // What the image holds, to tell whether a frame may copy it.
    struct Shown {
        bool valid = false;
        ViewTransform view;
        DrawStyle style;
        geo::Extent damage;       // drawn with old colours or outlines (empty: none)
        bool damage_all = false;  // changed where no extent was given
        bool outlines_moved = false;  // a partial redraw left thinned outlines that may not meet exactly
    };
    // Clears and draws the wards of `seen` (working CRS) into the bound framebuffer.
    void draw_wards(const ViewTransform& view, const DrawStyle& style, const geo::Extent& seen);
    // The wards in the map's part of the window, into the bound framebuffer.
    void draw_visible(const ViewTransform& view, const DrawStyle& style);
    void draw_lines(const Vertices& lines, float width, const float rgba[4]);
    void set_transform(GLuint program, const ViewTransform& view);
    void draw_water(const ViewTransform& view);
    // The tiles in view, as first/count runs for glMultiDrawArrays.
    void visible_runs(const geo::Extent& seen, const std::vector<Range>& tiles);
    void damage(const std::optional<geo::Extent>& changed);
    // Draws again, into the image, only the damaged part, and says where in the window (empty:
    // off it); nullopt if it is not worth it.
    std::optional<PixelRect> redraw_damage(const ViewTransform& view, const DrawStyle& style);

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
    OffscreenImage image_;
    Shown shown_;
    bool straight_ = false;  // this frame's map goes straight into the window (the view moves)
    // The window as the last frame left it, outside the map's part: cleared to the background.
    struct Frame {
        int width = 0, height = 0;
        PixelRect visible;
        float background[3] = {-1, -1, -1};
        bool operator==(const Frame&) const = default;
    } framed_;
    long draws_ = 0;
};

}  // namespace render::gl
