#pragma once
// An output appears whole or not at all. Files are written into a hidden folder beside the target,
// `.NAME.partial-PID/`, and moved into place by commit(); if commit() is never reached (an error,
// Ctrl-C), the destructor removes the folder. These three are the only places that create or remove
// a partial folder.
//
// An output is a set of files: a Shapefile's .shp with its .shx/.dbf/.prj/.cpg and the indexes other
// programs add (.qix/.sbn/.sbx), a GeoPackage with its -wal/-shm. The set is replaced as a whole: the
// old files are moved aside into the hidden folder (the file a reader opens first, .shp, first), the
// new ones moved in (.shp last), and the old ones deleted with the folder. Stopped between any two
// renames, the folder holds no .shp, or the whole old set, or the whole new set.
#include <filesystem>
#include <string>
#include <vector>

namespace geo {

class AtomicOutput {
public:
    // A file. Throws OutputError when it (or a file of its set) exists and overwrite is false, when it
    // is not a regular file (a folder, device, pipe), when its folder cannot be reached, or when its
    // name is longer than the file system allows. Removes partial folders of the same target left
    // by runs that are no longer alive.
    AtomicOutput(std::filesystem::path target, bool overwrite);
    // Files `names` (each with its set) in the existing folder `folder`: one Shapefile per layer.
    AtomicOutput(std::filesystem::path folder, std::vector<std::string> names, bool overwrite);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;
    AtomicOutput(AtomicOutput&&) = delete;
    AtomicOutput& operator=(AtomicOutput&&) = delete;

    // Where to write: the target's file name inside the hidden folder (a folder target: the hidden
    // folder itself, where each name is written).
    const std::filesystem::path& path() const noexcept { return partial_; }
    const std::filesystem::path& target() const noexcept { return target_; }

    // The renames commit() does, in order: the old set aside, then the new set in. Public so that a
    // test can stop between any two, as a kill would.
    struct Rename {
        std::filesystem::path from, to;
    };
    std::vector<Rename> commit_steps() const;
    // Syncs the new files, does the renames (undoing them all if one fails), syncs the folder.
    void commit();

private:
    void prepare(const std::filesystem::path& destination, const std::string& hidden_base);
    std::filesystem::path target_, destination_, folder_, partial_;
    std::vector<std::string> names_;
    bool overwrite_, committed_ = false;
};

// The files that belong to the output `name` (a file name, no folder), as present in `folder`:
// the file itself and its sidecars (a Shapefile's .shx/.dbf/.prj/.cpg/.qix/.sbn/.sbx...).
std::vector<std::filesystem::path> output_set(const std::filesystem::path& folder, const std::string& name);

}  // namespace geo
