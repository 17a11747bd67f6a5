#pragma once
// The bundled London 2014 wards and 12-BCU plan as the click tests check them: which ward a saved
// plan file puts in which command unit, against the plan the window started with.
#include "geo/source/ward.h"

#include <map>
#include <set>
#include <string>

namespace clicks {

using WardUnits = std::map<std::string, std::string>;  // ward code -> unit code ("-": left out)

struct London {
    geo::WardSet wards;
    WardUnits bundled;  // the bundled 12-BCU plan

    static const London& get();  // loaded once per test program
    std::string borough_of(const std::string& ward) const;
    std::set<std::string> wards_of_borough(const std::string& borough) const;
};

// The bundled plan as a plan file at `path`: a window opened on it saves there without asking.
void write_start_plan(const std::string& path);
// What a plan file the window saved says. Throws geo::Error as geo::read_plan_file does.
WardUnits saved_plan(const std::string& path);
// The wards whose unit differs between the two.
std::set<std::string> moved_between(const WardUnits& before, const WardUnits& after);

}  // namespace clicks
