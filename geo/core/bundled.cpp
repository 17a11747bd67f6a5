#include "geo/core/bundled.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace geo {
namespace {

namespace fs = std::filesystem;

fs::path executable() {
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);  // Linux: the program's real path
    return error ? fs::path() : self;
}

bool is_folder(const fs::path& path) {
    std::error_code ignored;
    return !path.empty() && fs::is_directory(path, ignored);
}

// A path inside `folder`, both made absolute and free of symlinks first.
bool inside(const fs::path& path, const fs::path& folder) {
    std::error_code ignored;
    const fs::path a = fs::weakly_canonical(path, ignored), b = fs::weakly_canonical(folder, ignored);
    const auto [end, rest] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
    return end == b.end();
}

}  // namespace

std::string bundled_root() {
    const fs::path program = executable();
    const fs::path installed = program.empty() ? fs::path() : (program.parent_path() / ".." / "share" / "wardmap").lexically_normal();
    if (is_folder(installed)) return installed.string();
    if (const char* root = std::getenv("WARDMAP_DATA"); root && *root) return root;
    // Compiled in, and true only where it was compiled: a copy of the program elsewhere (installed,
    // packaged) never reads the source tree, even when it still exists on this machine.
    if (!program.empty() && inside(program, WARDMAP_BUILD_DIR)) return WARDMAP_SOURCE_DIR;
    return installed.string();
}

std::string bundled(const std::string& relative) { return (fs::path(bundled_root()) / relative).string(); }

}  // namespace geo
