#include "geo/export/atomic_output.h"

#include "geo/core/cancel.h"
#include "geo/core/errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <optional>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace geo {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// Which names make up the output `name`: the part they share, and what may follow it. The first
// suffix is the file readers open (the primary); GDAL finds the others beside it, in either case.
struct SetRule {
    std::string stem;
    std::vector<std::string> suffixes;
};

SetRule rule_for(const std::string& name) {
    const std::string extension = lower(fs::path(name).extension().string());
    const std::string stem = name.substr(0, name.size() - extension.size());
    if (extension == ".shp")
        return {stem, {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj", ".fix", ".shp.xml",
                       ".aih", ".ain", ".atx", ".ixs", ".mxs"}};
    if (extension == ".csv") return {stem, {".csv", ".csvt", ".prj"}};  // GDAL reads a stale .csvt's types
    if (extension == ".gpkg") return {name, {"", "-wal", "-shm", "-journal"}};  // SQLite replays a stale -wal
    return {name, {""}};
}

// The suffix of `file` in the set of `name`, or nothing when it is not one of them.
std::optional<std::string> suffix_in_set(const std::string& file, const std::string& name) {
    const SetRule rule = rule_for(name);
    if (file.size() < rule.stem.size() || file.compare(0, rule.stem.size(), rule.stem) != 0) return std::nullopt;
    const std::string rest = lower(file.substr(rule.stem.size()));
    if (std::find(rule.suffixes.begin(), rule.suffixes.end(), rest) == rule.suffixes.end()) return std::nullopt;
    return rest;
}

bool is_primary(const fs::path& file, const std::string& name) {
    return suffix_in_set(file.filename().string(), name) == rule_for(name).suffixes[0];
}

std::string reason(const std::error_code& error) {
    if (error.value() == ELOOP) return "a loop of symbolic links: a link that leads back to itself";
    if (error.value() == ENAMETOOLONG) return "the name is longer than the file system allows";
    return error.message();
}

long longest_name(const fs::path& folder) {
    const long limit = ::pathconf(folder.c_str(), _PC_NAME_MAX);
    return limit > 0 ? limit : 255;
}

void check_name_length(const fs::path& folder, const std::string& name, const fs::path& target) {
    const long limit = longest_name(folder);
    if (static_cast<long>(name.size()) > limit)
        throw OutputError(fmt::format("{}: the file name is {} bytes long, and this file system allows at most {}\n"
                                      "  Choose a shorter name.",
                                      target.string(), name.size(), limit));
}

// The folder must be there and be a folder; its problems in words, not as a filesystem_error.
void check_folder(const fs::path& folder, const fs::path& target) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0) {
        const std::error_code error(errno, std::generic_category());
        if (error == std::errc::no_such_file_or_directory)
            throw OutputError(target.string() + ": the folder " + folder.string() + " does not exist\n  Create it first.");
        throw OutputError(target.string() + ": cannot reach the folder " + folder.string() + " (" + reason(error) +
                          ")\n  Check the path.");
    }
    if (!S_ISDIR(info.st_mode))
        throw OutputError(target.string() + ": " + folder.string() + " is not a folder\n  Check the path.");
}

// An existing file of the set may be replaced (with --overwrite) only if it is a file: a folder would
// be deleted with the old set, and a device or pipe is not ours to swap for a file.
void check_replaceable(const fs::path& file, bool overwrite) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) {
        const int problem = errno;
        if (problem == ENOENT) return;  // absent, or a link to nothing: the link is replaced
        throw OutputError(file.string() + ": cannot write there (" + reason({problem, std::generic_category()}) +
                          ")\n  Remove it or choose another name.");
    }
    if (S_ISDIR(info.st_mode))
        throw OutputError(file.string() + ": is a folder\n  Give a file name inside it, e.g. " +
                          (file / "bcus.gpkg").string() + ".");
    if (!S_ISREG(info.st_mode))
        throw OutputError(file.string() + ": is not a regular file (a device, pipe or socket), left as it is\n"
                          "  Choose another name.");
    if (!overwrite) throw OutputError(file.string() + ": already exists, left as it is\n  Add --overwrite to replace it.");
}

// ".NAME" when ".NAME.partial-PID" fits in a file name, else a hash of NAME: a 250-byte name still works.
std::string hidden_base(const std::string& name, const fs::path& folder) {
    if (static_cast<long>(name.size()) + 1 + 9 + 10 <= longest_name(folder)) return "." + name;
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : name) hash = (hash ^ c) * 0x100000001b3ull;
    return fmt::format(".{:016x}", hash);
}

// Partial folders of the same target whose run has ended (killed, or the machine stopped).
void remove_dead_partials(const fs::path& folder, const std::string& base) {
    const std::string prefix = base + ".partial-";
    std::vector<fs::path> dead;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const std::string file = it->path().filename().string();
        if (file.size() <= prefix.size() || file.size() > prefix.size() + 9 || file.compare(0, prefix.size(), prefix) != 0)
            continue;
        const std::string digits = file.substr(prefix.size());
        if (!std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(digits));
        // Alive (kill succeeds) or someone else's (EPERM): not ours to remove.
        if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) dead.push_back(it->path());
    }
    for (const fs::path& path : dead) {
        std::error_code ignored;
        if (fs::is_directory(fs::symlink_status(path, ignored))) fs::remove_all(path, ignored);
    }
}

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

// To the disk before the rename makes it visible (a file), or the renames themselves (a folder).
void sync(const fs::path& path, bool folder) {
    const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0)));
    if (file.get() < 0 || ::fsync(file.get()) != 0) {
        if (folder && errno == EINVAL) return;  // a file system that cannot sync folders
        throw OutputError(path.string() + ": cannot write to the disk (" + std::strerror(errno) +
                          ")\n  Check the disk has room and is writable.");
    }
}

}  // namespace

std::vector<fs::path> output_set(const fs::path& folder, const std::string& name) {
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        if (suffix_in_set(it->path().filename().string(), name)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

AtomicOutput::AtomicOutput(fs::path target, bool overwrite) : target_(std::move(target)), overwrite_(overwrite) {
    const std::string name = target_.filename().string();
    if (name.empty() || name == "." || name == "..")
        throw OutputError(target_.string() + ": is a folder\n  Give a file name inside it, e.g. " +
                          (target_ / "bcus.gpkg").lexically_normal().string() + ".");
    const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    check_folder(parent, target_);
    check_name_length(parent, name, target_);
    check_replaceable(target_, overwrite_);
    for (const fs::path& file : output_set(parent, name)) check_replaceable(file, overwrite_);
    names_ = {name};
    prepare(parent, hidden_base(name, parent));
    partial_ = folder_ / name;
}

AtomicOutput::AtomicOutput(fs::path folder, std::vector<std::string> names, bool overwrite)
    : target_(std::move(folder)), names_(std::move(names)), overwrite_(overwrite) {
    check_folder(target_, target_);
    for (const std::string& name : names_) {
        check_name_length(target_, name, target_ / name);
        check_replaceable(target_ / name, overwrite_);
        for (const fs::path& file : output_set(target_, name)) check_replaceable(file, overwrite_);
    }
    prepare(target_, ".layers");
    partial_ = folder_;
}

void AtomicOutput::prepare(const fs::path& destination, const std::string& hidden_base) {
    destination_ = destination;
    remove_dead_partials(destination_, hidden_base);
    folder_ = destination_ / fmt::format("{}.partial-{}", hidden_base, ::getpid());
    register_partial_output(folder_);  // before it exists: Ctrl-C's watchdog removes it from then on
    std::error_code error;
    fs::remove_all(folder_, error);
    if (!fs::create_directory(folder_, error) || !fs::create_directory(folder_ / ".old", error))
        throw OutputError(target_.string() + ": cannot write in " + destination_.string() + " (" + reason(error) + ")");
}

AtomicOutput::~AtomicOutput() {
    std::error_code ignored;  // a destructor cannot report; the folder is hidden and named by pid
    fs::remove_all(folder_, ignored);
    unregister_partial_output(folder_);
}

std::vector<AtomicOutput::Rename> AtomicOutput::commit_steps() const {
    std::vector<Rename> steps;
    for (const std::string& name : names_) {
        std::vector<fs::path> old = output_set(destination_, name), fresh = output_set(folder_, name);
        const auto primary_first = [&](const fs::path& a, const fs::path& b) { return is_primary(a, name) > is_primary(b, name); };
        std::stable_sort(old.begin(), old.end(), primary_first);
        std::stable_sort(fresh.begin(), fresh.end(), primary_first);
        std::reverse(fresh.begin(), fresh.end());  // the primary last: until then no reader opens the set
        // One file replacing one file (or none): a single rename over it, never a moment without it.
        const bool single = fresh.size() == 1 && (old.empty() || (old.size() == 1 && old[0].filename() == fresh[0].filename()));
        if (!single)  // a set: the old primary goes first, and old files the new set lacks go too
            for (const fs::path& file : old)
                if (is_primary(file, name) || std::none_of(fresh.begin(), fresh.end(), [&](const fs::path& f) { return f.filename() == file.filename(); }))
                    steps.push_back({file, folder_ / ".old" / file.filename()});
        for (const fs::path& file : fresh) steps.push_back({file, destination_ / file.filename()});  // rename over the old
    }
    return steps;
}

void AtomicOutput::commit() {
    const auto moving = hold_partial_outputs();  // Ctrl-C's watchdog waits: all of it moves, or none
    allow_commit();                               // after Ctrl-C, none
    for (const std::string& name : names_) {
        const std::vector<fs::path> fresh = output_set(folder_, name);
        if (std::none_of(fresh.begin(), fresh.end(), [&](const fs::path& file) { return is_primary(file, name); }))
            throw OutputError((destination_ / name).string() + ": nothing was written");
        for (const fs::path& file : output_set(destination_, name)) check_replaceable(file, overwrite_);  // appeared meanwhile?
        for (const fs::path& file : fresh) sync(file, false);
    }
    const std::vector<Rename> steps = commit_steps();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        std::error_code error;
        fs::rename(steps[i].from, steps[i].to, error);
        if (error) {
            for (std::size_t undo = i; undo-- > 0;) {
                std::error_code ignored;
                fs::rename(steps[undo].to, steps[undo].from, ignored);
            }
            throw OutputError(steps[i].to.string() + ": cannot move the finished file into place (" + reason(error) + ")");
        }
    }
    sync(destination_, true);
    committed_ = true;
}

}  // namespace geo
