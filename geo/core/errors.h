#pragma once
// One root type for everything wardmap reports to a user, and one subtype per kind of failure,
// so the CLI and the UI map each kind to its own exit code or dialog in one place.
#include <stdexcept>
#include <string>

namespace geo {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Something in what the user gave us: a file, a table, a field name, a CRS.
// The message says which file, where in it, what is wrong, and what to do.
class InputError : public Error {
public:
    InputError(std::string file, std::string where, std::string problem, std::string fix)
        : Error(compose(file, where, problem, fix)), file_(std::move(file)), where_(std::move(where)) {}
    const std::string& file() const noexcept { return file_; }
    const std::string& where() const noexcept { return where_; }

private:
    static std::string compose(const std::string& file, const std::string& where,
                               const std::string& problem, const std::string& fix) {
        std::string text = file;
        if (!where.empty()) text += (text.empty() ? "" : ": ") + where;
        text += (text.empty() ? "" : ": ") + problem;
        if (!fix.empty()) text += "\n  " + fix;
        return text;
    }
    std::string file_, where_;
};

// A GEOS operation failed on a geometry we could not repair.
class GeometryError : public Error {
public:
    using Error::Error;
};

// An output could not be written; whatever was half-written has been removed.
class OutputError : public Error {
public:
    using Error::Error;
};

// The user asked us to stop (Ctrl-C, window closed).
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

}  // namespace geo
