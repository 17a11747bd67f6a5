#pragma once
// `wardmap view` on the bundled London wards and plan, replaying actions in a scratch folder of
// the test's own (its autosaves there too): the exit status, and the JSON line each screenshot prints.
#include "tests/gui/scratch_dir.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace wardmap_test {

class ViewReplayTest : public ScratchDirTest {
protected:
    int view(const std::string& actions) {
        std::ofstream(dir / "actions.txt") << actions;
        const std::string command = "XDG_STATE_HOME='" + dir.string() + "' '" WARDMAP_BINARY "' view -q --replay '" +
                                    (dir / "actions.txt").string() + "' --exit > '" + (dir / "out.jsonl").string() + "' 2> '" +
                                    (dir / "err.txt").string() + "'";
        const int status = std::system(command.c_str());
        std::ifstream out(dir / "out.jsonl");
        for (std::string line; std::getline(out, line);) lines.push_back(nlohmann::json::parse(line));
        return status;
    }
    std::vector<nlohmann::json> lines;
};

}  // namespace wardmap_test
