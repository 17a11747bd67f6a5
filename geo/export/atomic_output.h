#pragma once
// An output appears whole or not at all. Files are written into a hidden folder beside the target
// and renamed into place by commit(); if commit() is never reached (an error, Ctrl-C), the
// destructor removes the folder. A multi-file format (Shapefile) moves file by file at commit.
#include <filesystem>
#include <string>

namespace geo {

class AtomicOutput {
public:
    // Throws OutputError when `target` exists and overwrite is false, or its folder is missing.
    AtomicOutput(std::filesystem::path target, bool overwrite);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;
    AtomicOutput(AtomicOutput&&) = delete;
    AtomicOutput& operator=(AtomicOutput&&) = delete;

    // Where to write: the target's file name inside the hidden folder.
    const std::filesystem::path& path() const noexcept { return partial_; }
    const std::filesystem::path& target() const noexcept { return target_; }
    void commit();

private:
    std::filesystem::path target_, folder_, partial_;
    bool overwrite_, committed_ = false;
};

}  // namespace geo
