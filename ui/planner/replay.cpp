#include "ui/planner/replay.h"

#include "geo/core/errors.h"
#include "geo/core/read_text.h"

#include <sstream>
#include <unordered_map>

namespace ui {

namespace {

std::vector<std::string> words_of(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

struct LineParser {
    const std::string& path;
    std::size_t line;
    const std::unordered_map<std::string, std::size_t>& ward_by_code;
    Show& shown;  // panels and labels as the lines before left them

    ReplayStep show(const std::vector<std::string>& w, ReplayStep step) const {
        if (w[1] != "on" && w[1] != "off") fail(w[0] + " takes on or off");
        Show show = shown;
        (w[0] == "panels" ? show.panels : show.labels) = w[1] == "on";
        step.command = show;
        return step;
    }

    // store list | store open current|VERSION NAME... | store save [STATUS [AUTHOR]] | store merge | store keep
    Command store(const std::vector<std::string>& w) const {
        const std::size_t n = w.size();
        if (n == 2 && w[1] == "list") return ListStore{};
        if (n == 2 && (w[1] == "merge" || w[1] == "keep")) return AnswerOvertaken{w[1] == "merge"};
        if (n <= 4 && w[1] == "save") return SaveToStore{"", n == 4 ? w[3] : "", n >= 3 ? w[2] : ""};
        if (n >= 4 && w[1] == "open") {
            OpenFromStore open;
            for (std::size_t i = 3; i < n; ++i) open.plan += (i > 3 ? " " : "") + w[i];
            if (w[2] != "current") {
                try {
                    open.version = std::stoi(w[2]);
                } catch (const std::exception&) {
                    fail("store open takes current or a version number, then the plan's name, not " + w[2]);
                }
            }
            return open;
        }
        fail("store takes list, open current|VERSION NAME, save [STATUS [AUTHOR]], merge or keep");
    }

    [[noreturn]] void fail(const std::string& problem) const {
        throw geo::InputError(path, "line " + std::to_string(line), problem,
                              "Actions: move ward CODE to UNIT, move borough CODE to UNIT, undo, redo, zoom to CODE|all, "
                              "save [as] PATH, open PATH, export PATH, export map PATH [bcu|phase|officers], colour units|officers|officers-unit|phase, "
                              "timeline DATE|off, compare PATH|PATH@N|saved|off, screenshot PATH [WARD...], panels on|off, labels on|off, autosave, answer recover|discard, "
                              "store list, store open current|VERSION NAME, store save [STATUS [AUTHOR]], store merge, store keep, "
                              "candidates generate [k=N min=N max=N lock=A,B balance=M=P% rank=KEY samples=N exhaustive=N seed=N unit=borough|ward whole=all], "
                              "candidates cancel|wait, candidates preview best|pareto ROW, candidates preview off, "
                              "candidates use best|pareto ROW, wait FRAMES.");
    }
    std::string unit(const std::string& code) const { return code == "-" ? "" : code; }

    int number(const std::string& text) const {
        try {
            std::size_t used = 0;
            const int n = std::stoi(text, &used);
            if (used == text.size()) return n;
        } catch (const std::exception&) {
        }
        fail("not a number: " + text);
    }

    // candidates generate [k=12] [min=2] [max=4] [lock=EA,CN] [balance=crime=10%]... [rank=KEY] [samples=N] [exhaustive=N] [seed=N]
    GenerateCandidates generate(const std::vector<std::string>& w) const {
        GenerateCandidates g;
        bool sizes = false;
        for (std::size_t i = 2; i < w.size(); ++i) {
            const auto equals = w[i].find('=');
            if (equals == std::string::npos) fail("candidates generate takes NAME=VALUE, not " + w[i]);
            const std::string name = w[i].substr(0, equals), value = w[i].substr(equals + 1);
            if (name == "k") g.request.rules.units = number(value);
            else if (name == "min") g.request.rules.min_parents = number(value), sizes = true;
            else if (name == "max") g.request.rules.max_parents = number(value), sizes = true;
            else if (name == "whole" && value == "all") g.request.rules.keep_all_whole = true;
            else if (name == "samples") g.request.options.samples = static_cast<std::size_t>(number(value));
            else if (name == "seed") g.request.options.seed = static_cast<std::uint64_t>(number(value));
            else if (name == "exhaustive") g.request.options.exhaustive_limit = static_cast<std::uint64_t>(number(value));
            else if (name == "rank") g.request.options.rank_by = value;
            else if (name == "unit") g.request.unit = value;
            else if (name == "lock") {
                std::istringstream codes(value);
                for (std::string code; std::getline(codes, code, ',');) g.request.rules.locks.push_back(code);
            } else if (name == "balance") {
                const auto sign = value.find('=');
                std::string percent = sign == std::string::npos ? "" : value.substr(sign + 1);
                if (!percent.empty() && percent.back() == '%') percent.pop_back();
                if (percent.empty()) fail("balance takes MEASURE=PERCENT, as crime=10%");
                try {
                    std::size_t used = 0;
                    const double limit = std::stod(percent, &used);
                    if (used != percent.size()) throw std::invalid_argument(percent);
                    g.request.rules.balance.push_back({value.substr(0, sign), limit});
                } catch (const std::exception&) {
                    fail("balance takes MEASURE=PERCENT, as crime=10%, not " + value);
                }
            } else {
                fail("candidates generate takes k, min, max, lock, balance, rank, samples, exhaustive, seed, unit or whole=all, not " + name);
            }
        }
        // As `wardmap candidates --unit ward`: boroughs per unit only when min or max is given.
        if (g.request.unit == "ward") g.request.rules.parent_sizes = sizes;
        return g;
    }

    CandidateRun::Pick pick(const std::vector<std::string>& w) const {
        if (w.size() != 4 || (w[2] != "best" && w[2] != "pareto")) fail(w[1] + " takes best|pareto ROW (1 is the first row)");
        const int row = number(w[3]);
        if (row < 1) fail("rows count from 1");
        return {w[2] == "best" ? CandidateList::best : CandidateList::pareto, static_cast<std::size_t>(row - 1)};
    }

    Command candidates(const std::vector<std::string>& w) const {
        if (w[1] == "generate") return generate(w);
        if (w.size() == 2 && w[1] == "cancel") return CancelCandidates{};
        if (w.size() == 2 && w[1] == "wait") return WaitForCandidates{};
        if (w.size() == 3 && w[1] == "preview" && w[2] == "off") return PreviewCandidate{std::nullopt};
        if (w[1] == "preview") return PreviewCandidate{pick(w)};
        if (w[1] == "use") return AdoptCandidate{pick(w)};
        fail("candidates takes generate, cancel, wait, preview or use");
    }

    ReplayStep parse(const std::vector<std::string>& w) const {
        ReplayStep step;
        step.line = line;
        const std::size_t n = w.size();
        if (n == 5 && w[0] == "move" && w[1] == "ward" && w[3] == "to") {
            const auto ward = ward_by_code.find(w[2]);
            if (ward == ward_by_code.end()) fail("no ward " + w[2] + " in the loaded boundaries");
            step.command = geo::Edit{geo::MoveWards{{ward->second}, unit(w[4])}};
        } else if (n == 5 && w[0] == "move" && w[1] == "borough" && w[3] == "to") {
            step.command = geo::Edit{geo::MoveParents{{w[2]}, unit(w[4])}};
        } else if (n == 1 && w[0] == "undo") {
            step.command = Undo{};
        } else if (n == 1 && w[0] == "redo") {
            step.command = Redo{};
        } else if (n == 3 && w[0] == "zoom" && w[1] == "to") {
            step.command = ZoomTo{w[2]};
        } else if (n == 2 && w[0] == "save") {
            step.command = SaveAs{w[1]};
        } else if (n == 3 && w[0] == "save" && w[1] == "as") {
            step.command = SaveAs{w[2]};
        } else if (n == 2 && w[0] == "open") {
            step.command = OpenPlan{w[1]};
        } else if (n >= 3 && n <= 4 && w[0] == "export" && w[1] == "map") {
            step.command = ExportMap{w[2], n == 4 ? w[3] : "bcu"};
        } else if (n == 2 && w[0] == "colour") {
            const auto mode = colour_mode_named(w[1]);
            if (!mode) fail("colour takes units, officers, officers-unit or phase, not " + w[1]);
            step.command = ColourBy{*mode};
        } else if (n == 2 && w[0] == "timeline") {
            const auto date = geo::parse_date(w[1]);
            if (!date && w[1] != "off") fail("timeline takes a date (YYYY-MM-DD) or off, not " + w[1]);
            step.command = Timeline{date};
        } else if (n == 2 && w[0] == "compare") {
            if (w[1] == "off") step.command = ClearComparison{};
            else step.command = CompareWith{w[1] == "saved" ? "" : w[1]};
        } else if (n == 2 && w[0] == "export") {
            step.command = ExportPlan{w[1]};
        } else if (n >= 2 && w[0] == "screenshot") {
            step.command = Screenshot{w[1], {w.begin() + 2, w.end()}};
        } else if (n == 2 && (w[0] == "panels" || w[0] == "labels")) {
            return show(w, step);
        } else if (n == 1 && w[0] == "autosave") {
            step.command = Autosave{};
        } else if (n == 2 && w[0] == "answer") {
            if (w[1] != "recover" && w[1] != "discard") fail("answer takes recover or discard, not " + w[1]);
            step.command = AnswerRecovery{w[1] == "recover"};
        } else if (n >= 2 && w[0] == "candidates") {
            step.command = candidates(w);
        } else if (n >= 2 && w[0] == "store") {
            step.command = store(w);
        } else if (n == 2 && w[0] == "wait") {
            step.command = Undo{};  // never run: parse_replay adds the frames to the step before
            try {
                step.wait_frames = std::stoi(w[1]);
            } catch (const std::exception&) {
                fail("wait needs a number of frames, not " + w[1]);
            }
        } else {
            fail("unknown action");
        }
        return step;
    }
};

}  // namespace

std::vector<ReplayStep> parse_replay(const std::string& text, const std::string& path, const geo::WardSet& wards) {
    std::unordered_map<std::string, std::size_t> ward_by_code;
    for (std::size_t i = 0; i < wards.units.size(); ++i) ward_by_code.emplace(wards.units[i].code, i);
    std::vector<ReplayStep> steps;
    Show shown;
    std::istringstream in(text);
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        const std::vector<std::string> words = words_of(line);
        if (words.empty() || words[0][0] == '#') continue;
        ReplayStep step = LineParser{path, number, ward_by_code, shown}.parse(words);
        if (const Show* show = std::get_if<Show>(&step.command)) shown = *show;
        if (words[0] == "wait") {
            if (!steps.empty()) steps.back().wait_frames += step.wait_frames;
            continue;
        }
        step.wait_frames = 1;  // every action is seen in at least one drawn frame
        steps.push_back(std::move(step));
    }
    return steps;
}

std::vector<ReplayStep> read_replay(const std::string& path, const geo::WardSet& wards) {
    return parse_replay(geo::read_text(path, "the replay file", "Check the path given to --replay."), path, wards);
}

}  // namespace ui
