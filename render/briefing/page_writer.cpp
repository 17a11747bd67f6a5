#include "render/briefing/page_writer.h"

#include "geo/core/errors.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>

namespace render {

PageFormat page_format_of(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension == ".pdf") return PageFormat::pdf;
    if (extension == ".svg") return PageFormat::svg;
    if (extension == ".png") return PageFormat::png;
    throw geo::InputError(path.string(), "", "a briefing map is written as .pdf, .svg or .png",
                          "name the output map.pdf, map.svg or map.png");
}

const char* to_string(PageFormat format) {
    switch (format) {
        case PageFormat::pdf: return "PDF";
        case PageFormat::svg: return "SVG";
        case PageFormat::png: return "PNG";
    }
    return "?";
}

PageWriter::PageWriter(const std::filesystem::path& target, const PageSpec& spec, bool overwrite)
    : output_(target, overwrite), spec_(spec), format_(page_format_of(target)) {
    const std::string path = output_.path().string();
    switch (format_) {
        case PageFormat::pdf:
            surface_.reset(cairo_pdf_surface_create(path.c_str(), spec.width_pt(), spec.height_pt()));
            break;
        case PageFormat::svg:
            surface_.reset(cairo_svg_surface_create(path.c_str(), spec.width_pt(), spec.height_pt()));
            // Points in the SVG's width/height, so it prints at the paper's size.
            cairo_svg_surface_set_document_unit(surface_.get(), CAIRO_SVG_UNIT_PT);
            break;
        case PageFormat::png:
            surface_.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, spec.width_px(), spec.height_px()));
            break;
    }
    check("create the " + std::string(to_string(format_)) + " surface");
    cairo_.reset(cairo_create(surface_.get()));
    if (format_ == PageFormat::png) cairo_scale(cairo_.get(), spec.width_px() / spec.width_pt(), spec.height_px() / spec.height_pt());
    check("start drawing");
}

void PageWriter::check(const std::string& doing) const {
    std::string problem = cairo_problem(cairo_surface_status(surface_.get()));
    if (problem.empty() && cairo_) problem = cairo_problem(cairo_status(cairo_.get()));
    if (!problem.empty())
        throw geo::OutputError(output_.target().string() + ": cannot " + doing + ": " + problem +
                               "\n  check the folder is writable and the disk has room");
}

void PageWriter::next_page() {
    if (format_ != PageFormat::pdf)
        throw geo::InputError(output_.target().string(), "", "an atlas has one page per command unit or phase, and " +
                                  std::string(to_string(format_)) + " holds one page",
                              "write the atlas as .pdf");
    cairo_show_page(cairo_.get());
    ++pages_;
    check("start page " + std::to_string(pages_));
}

void PageWriter::finish() {
    if (format_ == PageFormat::png) {
        cairo_surface_flush(surface_.get());
        const cairo_status_t status = cairo_surface_write_to_png(surface_.get(), output_.path().c_str());
        if (status != CAIRO_STATUS_SUCCESS)
            throw geo::OutputError(output_.target().string() + ": cannot write the PNG: " + cairo_problem(status) +
                                   "\n  check the folder is writable and the disk has room");
    } else {
        cairo_show_page(cairo_.get());
        cairo_surface_finish(surface_.get());  // PDF and SVG are written here
        check("write the " + std::string(to_string(format_)));
    }
    cairo_.reset();
    surface_.reset();
    output_.commit();
}

}  // namespace render
