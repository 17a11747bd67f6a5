#include "geo/export/atomic_output.h"

#include "geo/core/cancel.h"
#include "geo/core/errors.h"

#include <fmt/format.h>

#include <unistd.h>

namespace geo {
namespace fs = std::filesystem;

AtomicOutput::AtomicOutput(fs::path target, bool overwrite) : target_(std::move(target)), overwrite_(overwrite) {
    const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    if (!fs::is_directory(parent))
        throw OutputError(target_.string() + ": the folder " + parent.string() + " does not exist\n  Create it first.");
    if (fs::exists(target_) && !overwrite_)
        throw OutputError(target_.string() + ": already exists, left as it is\n  Add --overwrite to replace it.");
    folder_ = parent / fmt::format(".{}.partial-{}", target_.filename().string(), ::getpid());
    register_partial_output(folder_);  // before it exists: Ctrl-C's watchdog removes it from then on
    std::error_code error;
    fs::remove_all(folder_, error);
    if (!fs::create_directory(folder_, error))
        throw OutputError(target_.string() + ": cannot write in " + parent.string() + " (" + error.message() + ")");
    partial_ = folder_ / target_.filename();
}

AtomicOutput::~AtomicOutput() {
    std::error_code ignored;  // a destructor cannot report; the folder is hidden and named by pid
    fs::remove_all(folder_, ignored);
    unregister_partial_output(folder_);
}

void AtomicOutput::commit() {
    const fs::path destination = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    const auto moving = hold_partial_outputs();  // Ctrl-C's watchdog waits: all of it moves, or none
    allow_commit();                               // after Ctrl-C, none
    for (const auto& entry : fs::directory_iterator(folder_)) {
        const fs::path final_path = destination / entry.path().filename();
        if (fs::exists(final_path) && !overwrite_)  // it may have appeared while we were writing
            throw OutputError(final_path.string() + ": already exists, left as it is\n  Add --overwrite to replace it.");
        std::error_code error;
        fs::rename(entry.path(), final_path, error);
        if (error) throw OutputError(final_path.string() + ": cannot move the finished file into place (" + error.message() + ")");
    }
    committed_ = true;
}

}  // namespace geo
