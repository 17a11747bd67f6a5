#include "render/gl/map_renderer.h"

#include <algorithm>
#include <cmath>

namespace render::gl {

namespace {

constexpr int colour_columns = 1024;  // texture width: wards are laid out row by row

const char* fill_vertex = R"(#version 330 core
layout(location = 0) in vec2 position;
layout(location = 1) in float ward;
uniform vec2 center;
uniform vec2 scale;
flat out int ward_id;
void main() {
    gl_Position = vec4((position - center) * scale, 0.0, 1.0);
    ward_id = int(ward + 0.5);
})";

const char* fill_fragment = R"(#version 330 core
uniform sampler2D colours;
uniform int highlight;
flat in int ward_id;
out vec4 colour;
void main() {
    vec4 c = texelFetch(colours, ivec2(ward_id % 1024, ward_id / 1024), 0);
    if (ward_id == highlight) c.rgb = mix(c.rgb, vec3(1.0), 0.45);
    colour = c;
})";

const char* line_vertex = R"(#version 330 core
layout(location = 0) in vec2 position;
uniform vec2 center;
uniform vec2 scale;
void main() { gl_Position = vec4((position - center) * scale, 0.0, 1.0); })";

const char* line_fragment = R"(#version 330 core
uniform vec4 line_colour;
out vec4 colour;
void main() { colour = line_colour; })";

}  // namespace

Rgba rgba(unsigned char r, unsigned char g, unsigned char b, unsigned char a) {
    return static_cast<Rgba>(r) | static_cast<Rgba>(g) << 8 | static_cast<Rgba>(b) << 16 | static_cast<Rgba>(a) << 24;
}

void MapRenderer::upload(Vertices& vertices, const std::vector<float>& data, int floats_per_vertex) {
    glBindVertexArray(vertices.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, vertices.vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
    const GLsizei stride = static_cast<GLsizei>(floats_per_vertex * sizeof(float));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
    if (floats_per_vertex == fill_floats) {
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(2 * sizeof(float)));
    }
    vertices.count = static_cast<GLsizei>(data.size() / static_cast<std::size_t>(floats_per_vertex));
}

MapRenderer::MapRenderer(const WardMeshes& meshes, std::size_t wards)
    : origin_(meshes.origin), tiles_(meshes.tiles), fill_program_(fill_vertex, fill_fragment),
      line_program_(line_vertex, line_fragment) {
    for (const MeshLevel& mesh : meshes.levels) {
        Level& level = levels_.emplace_back();
        level.tolerance = mesh.tolerance;
        upload(level.fill, mesh.fill, fill_floats);
        upload(level.lines, mesh.lines, line_floats);
        level.fill_tiles = mesh.fill_tiles;
        level.line_tiles = mesh.line_tiles;
    }
    glBindVertexArray(0);
    colour_rows_ = static_cast<int>(std::max<std::size_t>(1, (wards + colour_columns - 1) / colour_columns));
    glBindTexture(GL_TEXTURE_2D, colours_.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    const std::vector<Rgba> grey(static_cast<std::size_t>(colour_columns * colour_rows_), rgba(200, 200, 200));
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, colour_columns, colour_rows_, 0, GL_RGBA, GL_UNSIGNED_BYTE, grey.data());
}


void MapRenderer::damage(const std::optional<geo::Extent>& changed) {
    if (!changed) shown_.damage_all = true;
    else shown_.damage.include(*changed);
}

void MapRenderer::set_ward_colours(const std::vector<Rgba>& colours, const std::optional<geo::Extent>& changed) {
    std::vector<Rgba> texels(static_cast<std::size_t>(colour_columns * colour_rows_), rgba(200, 200, 200));
    std::copy_n(colours.begin(), std::min(colours.size(), texels.size()), texels.begin());
    glBindTexture(GL_TEXTURE_2D, colours_.id());
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, colour_columns, colour_rows_, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
    damage(changed);
}

void MapRenderer::set_parent_outlines(const std::vector<const GEOSGeometry*>& shapes) {
    std::vector<float> xy;
    for (const GEOSGeometry* shape : shapes)
        if (shape) append_outline(*shape, origin_, xy);
    for (Level& level : levels_) upload(level.parents, thin_segments(xy, level.tolerance), line_floats);
    glBindVertexArray(0);
    damage(std::nullopt);
}

void MapRenderer::set_unit_count(std::size_t units) {
    for (Level& level : levels_) level.unit_lines.resize(units), level.units_dirty = true;
    damage(std::nullopt);
}

void MapRenderer::set_unit_outline(std::size_t unit, const GEOSGeometry* shape, const std::optional<geo::Extent>& changed) {
    std::vector<float> xy;
    if (shape) append_outline(*shape, origin_, xy);
    // Thinned once per edit and level, only for this unit; joined and uploaded when a level is drawn.
    for (Level& level : levels_) {
        if (unit >= level.unit_lines.size()) level.unit_lines.resize(unit + 1);
        level.unit_lines[unit] = thin_segments(xy, level.tolerance);
        level.units_dirty = true;
        // Thinning starts where GEOS starts the ring, which a re-dissolve moves: away from the
        // change the outline may shift by up to the tolerance (under a pixel).
        if (level.tolerance > 0) shown_.outlines_moved = true;
    }
    damage(changed);
}

void MapRenderer::set_water(const GEOSGeometry& shape, Rgba colour) {
    std::vector<float> triangles;
    append_triangles(shape, origin_, 0, triangles);
    upload(water_, triangles, fill_floats);
    glBindVertexArray(0);
    for (int c = 0; c < 4; ++c) water_colour_[c] = static_cast<float>((colour >> (8 * c)) & 0xff) / 255.f;
    damage(std::nullopt);
}

void MapRenderer::set_transform(GLuint program, const ViewTransform& view) {
    glUniform2f(glGetUniformLocation(program, "center"), static_cast<float>(view.center_x - origin_.x),
                static_cast<float>(view.center_y - origin_.y));
    glUniform2f(glGetUniformLocation(program, "scale"), static_cast<float>(2.0 / (view.width * view.metres_per_pixel)),
                static_cast<float>(2.0 / (view.height * view.metres_per_pixel)));
}

std::size_t MapRenderer::level_for(double metres) const {
    std::size_t best = 0;
    for (std::size_t i = 0; i < levels_.size(); ++i)
        if (levels_[i].tolerance <= metres && levels_[i].tolerance >= levels_[best].tolerance) best = i;
    return best;
}

void MapRenderer::visible_runs(const geo::Extent& seen, const std::vector<Range>& tiles) {
    firsts_.clear();
    counts_.clear();
    for (std::size_t t = 0; t < tiles.size() && t < tiles_.size(); ++t) {
        if (tiles[t].count == 0 || !tiles_[t].overlaps(seen)) continue;
        if (!firsts_.empty() && firsts_.back() + counts_.back() == tiles[t].first) {
            counts_.back() += tiles[t].count;  // neighbouring tiles: one run
        } else {
            firsts_.push_back(tiles[t].first);
            counts_.push_back(tiles[t].count);
        }
    }
}

void MapRenderer::draw_lines(const Vertices& lines, float width, const float colour[4]) {
    if (lines.count == 0) return;
    glUniform4fv(line_program_.uniform("line_colour"), 1, colour);
    glLineWidth(width);
    glBindVertexArray(lines.vao.id());
    glDrawArrays(GL_LINES, 0, lines.count);
}

void MapRenderer::draw_water(const ViewTransform& view) {
    if (water_.count == 0) return;
    glUseProgram(line_program_.id());
    set_transform(line_program_.id(), view);
    glUniform4fv(line_program_.uniform("line_colour"), 1, water_colour_);
    glBindVertexArray(water_.vao.id());
    glDrawArrays(GL_TRIANGLES, 0, water_.count);
}

void MapRenderer::draw_wards(const ViewTransform& view, const DrawStyle& style, const geo::Extent& seen) {
    ++draws_;
    Level& level = levels_[std::min(style.level, levels_.size() - 1)];
    if (level.units_dirty) {
        std::vector<float> xy;
        for (const auto& lines : level.unit_lines) xy.insert(xy.end(), lines.begin(), lines.end());
        upload(level.units, xy, line_floats);
        level.units_dirty = false;
    }
    glViewport(0, 0, view.width, view.height);
    glClearColor(style.background[0], style.background[1], style.background[2], 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glUseProgram(fill_program_.id());
    set_transform(fill_program_.id(), view);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, colours_.id());
    glUniform1i(fill_program_.uniform("colours"), 0);
    glUniform1i(fill_program_.uniform("highlight"), style.highlight_ward);
    glBindVertexArray(level.fill.vao.id());
    visible_runs(seen, level.fill_tiles);
    glMultiDrawArrays(GL_TRIANGLES, firsts_.data(), counts_.data(), static_cast<GLsizei>(firsts_.size()));
    draw_water(view);

    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(line_program_.id());
    set_transform(line_program_.id(), view);
    if (style.ward_line_alpha > 0) {
        const float ward_colour[4] = {0.15f, 0.15f, 0.15f, style.ward_line_alpha};
        glUniform4fv(line_program_.uniform("line_colour"), 1, ward_colour);
        glLineWidth(1.0f);
        glBindVertexArray(level.lines.vao.id());
        visible_runs(seen, level.line_tiles);
        glMultiDrawArrays(GL_LINES, firsts_.data(), counts_.data(), static_cast<GLsizei>(firsts_.size()));
    }
    const float parent_colour[4] = {0.25f, 0.25f, 0.3f, 0.9f};
    draw_lines(level.parents, 2.0f, parent_colour);
    const float unit_colour[4] = {0.05f, 0.05f, 0.05f, 1.0f};
    draw_lines(level.units, 3.5f, unit_colour);
    glBindVertexArray(0);
    glUseProgram(0);
}

namespace {

PixelRect visible_part(const ViewTransform& view) {
    const PixelRect whole{0, 0, view.width, view.height};
    return view.visible.width > 0 && view.visible.height > 0 ? intersection(view.visible, whole) : whole;
}

// The world the map's part of the window shows (working CRS): tiles outside it are not drawn.
geo::Extent world_seen(const ViewTransform& view) {
    const PixelRect v = visible_part(view);
    const double m = view.metres_per_pixel;
    const double left = view.center_x - view.width * m / 2, bottom = view.center_y - view.height * m / 2;
    return {left + v.x * m, bottom + v.y * m, left + (v.x + v.width) * m, bottom + (v.y + v.height) * m, false};
}

}  // namespace

std::optional<PixelRect> MapRenderer::redraw_damage(const ViewTransform& view, const DrawStyle& style) {
    const geo::Extent& changed = shown_.damage;
    // Pixels from the bottom left, as glScissor counts them, widened by the thickest line.
    constexpr double pad = 4;
    const double x0 = std::floor((changed.min_x - view.center_x) / view.metres_per_pixel + view.width / 2.0 - pad);
    const double y0 = std::floor((changed.min_y - view.center_y) / view.metres_per_pixel + view.height / 2.0 - pad);
    const double x1 = std::ceil((changed.max_x - view.center_x) / view.metres_per_pixel + view.width / 2.0 + pad);
    const double y1 = std::ceil((changed.max_y - view.center_y) / view.metres_per_pixel + view.height / 2.0 + pad);
    // Clamped before they become ints: a damage far off a close view lies millions of pixels away.
    auto pixel = [](double at, int limit) { return static_cast<int>(std::clamp(at, -1.0, limit + 1.0)); };
    const PixelRect v = visible_part(view);
    const PixelRect area = intersection({pixel(x0, view.width), pixel(y0, view.height), pixel(x1, view.width) - pixel(x0, view.width),
                                         pixel(y1, view.height) - pixel(y0, view.height)},
                                        v);
    if (area.width <= 0 || area.height <= 0) return PixelRect{};  // off screen: nothing to draw again
    // Over a third of the map: drawing it all costs about the same.
    if (3.0 * area.width * area.height > static_cast<double>(v.width) * v.height) return std::nullopt;
    image_.draw_into(view.width, view.height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(area.x, area.y, area.width, area.height);
    // Only the tiles under the damage: their vertices are most of a frame's cost in llvmpipe.
    geo::Extent seen = changed;
    const double margin = pad * view.metres_per_pixel;
    seen.min_x -= margin, seen.min_y -= margin, seen.max_x += margin, seen.max_y += margin;
    draw_wards(view, style, seen);
    return area;
}

void MapRenderer::draw_visible(const ViewTransform& view, const DrawStyle& style) {
    const PixelRect visible = visible_part(view);
    glEnable(GL_SCISSOR_TEST);
    glScissor(visible.x, visible.y, visible.width, visible.height);
    draw_wards(view, style, world_seen(view));
    glDisable(GL_SCISSOR_TEST);
}

std::optional<PixelRect> MapRenderer::prepare(const ViewTransform& view, const DrawStyle& style) {
    straight_ = false;
    // Outside the map's part, the window is the background: it changes only with the window.
    const Frame frame{view.width, view.height, visible_part(view), {style.background[0], style.background[1], style.background[2]}};
    const bool window_changed = frame != framed_;
    framed_ = frame;
    const PixelRect changed = window_changed ? PixelRect{0, 0, view.width, view.height} : frame.visible;
    const bool same_picture = view == shown_.view && style == shown_.style;
    if (shown_.valid && same_picture && !shown_.damage_all) {
        const bool damaged = !shown_.damage.empty;
        if (!damaged && shown_.outlines_moved) {
            // Idle after partial redraws at a simplified level: now draw it all, so outlines meet.
            shown_.outlines_moved = false;
            shown_.valid = false;
        } else if (!damaged) {
            return window_changed ? std::optional(changed) : std::nullopt;
        } else if (const std::optional<PixelRect> area = redraw_damage(view, style)) {
            if (levels_[std::min(style.level, levels_.size() - 1)].tolerance <= 0) shown_.outlines_moved = false;
            shown_.damage = {};
            if (window_changed) return changed;
            return area->width > 0 && area->height > 0 ? area : std::nullopt;
        }
    }
    shown_.damage = {};
    shown_.damage_all = false;
    if (!same_picture) {
        // Moving (pan, zoom, hover): straight into the window, as the next frame will differ too.
        shown_ = {};
        shown_.view = view, shown_.style = style;
        straight_ = true;
        return changed;
    }
    // Still: drawn into the image once; later frames copy it.
    image_.draw_into(view.width, view.height);
    draw_visible(view, style);
    shown_.valid = true;
    shown_.outlines_moved = false;
    return changed;
}

void MapRenderer::compose(const ViewTransform& view, const DrawStyle& style, const std::vector<PixelRect>& parts) {
    if (parts.empty()) return;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, view.width, view.height);
    glClearColor(style.background[0], style.background[1], style.background[2], 1.f);
    glEnable(GL_SCISSOR_TEST);
    for (const PixelRect& part : parts) {
        glScissor(part.x, part.y, part.width, part.height);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    glDisable(GL_SCISSOR_TEST);
    if (straight_) {
        draw_visible(view, style);
        return;
    }
    const PixelRect visible = visible_part(view);
    std::vector<PixelRect> seen;
    for (const PixelRect& part : parts)
        if (const PixelRect p = intersection(part, visible); p.width > 0 && p.height > 0) seen.push_back(p);
    image_.show(seen);
}

void MapRenderer::draw(const ViewTransform& view, const DrawStyle& style) {
    prepare(view, style);
    compose(view, style, {{0, 0, view.width, view.height}});
}

}  // namespace render::gl
