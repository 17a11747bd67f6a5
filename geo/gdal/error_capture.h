#pragma once
// While a CplErrorCapture lives, GDAL's messages on this thread come to it instead of stderr.
// GDAL keeps its handler stack per thread, so each worker holds its own capture.
#include <cpl_error.h>

#include <string>
#include <vector>

namespace geo::gdal {

class CplErrorCapture {
public:
    CplErrorCapture();
    ~CplErrorCapture();
    CplErrorCapture(const CplErrorCapture&) = delete;
    CplErrorCapture& operator=(const CplErrorCapture&) = delete;
    CplErrorCapture(CplErrorCapture&&) = delete;
    CplErrorCapture& operator=(CplErrorCapture&&) = delete;

    const std::vector<std::string>& failures() const noexcept { return failures_; }
    const std::vector<std::string>& warnings() const noexcept { return warnings_; }
    std::string last_failure() const;  // all distinct failures, joined
    void clear() { failures_.clear(); warnings_.clear(); }

private:
    static void CPL_STDCALL on_error(CPLErr level, CPLErrorNum number, const char* message);
    std::vector<std::string> failures_, warnings_;
};

// Registers GDAL's drivers once and silences its default handler, so no message reaches the
// terminal unless a capture is there to take it. Safe to call from any thread.
void ensure_registered();

}  // namespace geo::gdal
