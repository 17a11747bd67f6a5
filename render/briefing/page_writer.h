#pragma once
// Pages into a file: PDF (any number of pages), SVG or PNG (one page). Drawing code always works in
// points on the cairo_t it is given; for PNG the context is scaled by dpi / 72. The file appears
// only when finish() succeeds (geo::AtomicOutput); on any error nothing is left behind.
#include "geo/export/atomic_output.h"
#include "render/briefing/cairo_owner.h"
#include "render/briefing/page.h"

#include <filesystem>
#include <string>

namespace render {

enum class PageFormat { pdf, svg, png };

// From the output's extension; throws geo::InputError for anything else.
PageFormat page_format_of(const std::filesystem::path& path);
const char* to_string(PageFormat format);

class PageWriter {
public:
    // Throws geo::OutputError when the output exists (and !overwrite) or cannot be created.
    PageWriter(const std::filesystem::path& target, const PageSpec& spec, bool overwrite);
    ~PageWriter() = default;
    PageWriter(const PageWriter&) = delete;
    PageWriter& operator=(const PageWriter&) = delete;
    PageWriter(PageWriter&&) = delete;
    PageWriter& operator=(PageWriter&&) = delete;

    PageFormat format() const noexcept { return format_; }
    // The context to draw the current page on, in points, y down.
    cairo_t* page() const noexcept { return cairo_.get(); }
    // Ends the current page and starts another (PDF only: throws geo::InputError for SVG and PNG).
    void next_page();
    // Ends the last page, writes the file and moves it into place. Throws geo::OutputError.
    void finish();
    int pages() const noexcept { return pages_; }

private:
    void check(const std::string& doing) const;
    geo::AtomicOutput output_;
    PageSpec spec_;
    PageFormat format_;
    Surface surface_;
    Cairo cairo_;
    int pages_ = 1;
};

}  // namespace render
