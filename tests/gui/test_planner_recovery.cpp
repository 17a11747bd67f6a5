// Crash recovery in a real window (run under Xvfb): the planner edits a saved plan, autosaves, and
// is killed (-9). The next start asks "Recover plan"; recovering and saving keeps the edit, discarding
// leaves the plan as saved and removes the autosave.
#include "geo/planner/plan_file.h"

#include "tests/gui/scratch_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <fcntl.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

namespace fs = std::filesystem;

const std::string edited_ward = "E05000026";  // Abbey, Barking and Dagenham: East (EA) in the bundled plan

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string unit_of(const fs::path& plan_file, const std::string& ward) {
    for (const auto& [code, unit] : geo::read_plan_file(plan_file.string()).assignment)
        if (code == ward) return unit;
    return "(not in " + plan_file.string() + ")";
}

struct Finished {
    int exit_code = -1;  // as the shell reports it: 134 for an abort
    std::vector<nlohmann::json> lines;
    std::string errors;
};

class PlannerRecovery : public wardmap_test::ScratchDirTest {
protected:
    void SetUp() override {
        ScratchDirTest::SetUp();
        setenv("XDG_STATE_HOME", dir.c_str(), 1);  // no autosave of the user's own is seen or touched
        plan = dir / "plan.toml";
        autosave = geo::autosave_path(plan.string());
    }
    void TearDown() override {
        unsetenv("XDG_STATE_HOME");
        ScratchDirTest::TearDown();
    }

    fs::path script(const std::string& name, const std::string& actions) const {
        std::ofstream(dir / name) << actions;
        return dir / name;
    }

    // `wardmap view -q ARGS` to its end; its JSON lines and errors.
    Finished view(const std::string& name, const std::string& args) const {
        const std::string command = "'" WARDMAP_BINARY "' view -q " + args + " > '" + (dir / (name + ".jsonl")).string() +
                                    "' 2> '" + (dir / (name + ".err")).string() + "'";
        const int status = std::system(command.c_str());
        Finished finished;
        finished.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        finished.errors = read_all(dir / (name + ".err"));
        std::ifstream out(dir / (name + ".jsonl"));
        for (std::string line; std::getline(out, line);) finished.lines.push_back(nlohmann::json::parse(line));
        return finished;
    }

    // The bundled plan saved as plan.toml; then a window on it moves one ward, autosaves, and is
    // killed with SIGKILL once its screenshot line says the autosave is done.
    void crash_after_an_edit() {
        const Finished saved = view("save", "--replay '" + script("save.txt", "save " + plan.string() + "\n").string() + "' --exit");
        ASSERT_EQ(saved.exit_code, 0) << saved.errors;
        ASSERT_EQ(unit_of(plan, edited_ward), "EA");
        saved_text = read_all(plan);

        const fs::path actions = script("edit.txt", "move ward " + edited_ward + " to CN\nautosave\nscreenshot " +
                                                        (dir / "edited.png").string() + " " + edited_ward + "\n");
        int out[2];
        ASSERT_EQ(pipe(out), 0);
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_adddup2(&files, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&files, out[0]);
        posix_spawn_file_actions_addclose(&files, out[1]);
        const std::string err = (dir / "edit.err").string();
        posix_spawn_file_actions_addopen(&files, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<std::string> args = {WARDMAP_BINARY, "view", "-q", "--plan", plan.string(), "--replay", actions.string()};
        std::vector<char*> argv;
        for (std::string& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        pid_t window = 0;
        const int spawned = posix_spawn(&window, WARDMAP_BINARY, &files, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&files);
        close(out[1]);
        ASSERT_EQ(spawned, 0);

        // No --exit: the window stays open after the replay, as a planner's would, until killed.
        FILE* lines = fdopen(out[0], "r");
        nlohmann::json shot;
        char* line = nullptr;
        std::size_t size = 0;
        while (shot.is_null() && getline(&line, &size, lines) > 0) {
            const nlohmann::json parsed = nlohmann::json::parse(line);
            if (parsed.contains("screenshot")) shot = parsed;
        }
        std::free(line);
        kill(window, SIGKILL);
        int status = 0;
        waitpid(window, &status, 0);
        std::fclose(lines);
        ASSERT_FALSE(shot.is_null()) << "the window ended before its screenshot: " << read_all(err);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the window was not killed but ended";
        ASSERT_EQ(shot["wards"][0]["unit"], "CN");

        ASSERT_TRUE(fs::exists(autosave)) << "no autosave at " << autosave;
        EXPECT_EQ(unit_of(autosave, edited_ward), "CN");
        EXPECT_EQ(read_all(plan), saved_text) << "the plan file changed before any save";
    }

    // The next start as a planner sees it (the pointer live, no replay): the question is on screen.
    void restart_sees_the_question() {
        const Finished start = view("start", "--plan '" + plan.string() + "' --screenshot '" + (dir / "start.png").string() + "' --exit");
        ASSERT_EQ(start.exit_code, 0) << "the window did not survive its start (134: an ImGui assert)\n" << start.errors;
        ASSERT_EQ(start.lines.size(), 1u);
        EXPECT_EQ(start.lines[0]["question"], "Recover plan");
        EXPECT_TRUE(fs::exists(dir / "start.png"));
        EXPECT_TRUE(fs::exists(autosave)) << "closing with the question unanswered keeps the autosave";
        EXPECT_EQ(read_all(plan), saved_text);
    }

    fs::path plan;
    std::string autosave;
    std::string saved_text;
};

TEST_F(PlannerRecovery, RecoverAfterKillKeepsTheEdit) {
    ASSERT_NO_FATAL_FAILURE(crash_after_an_edit());
    ASSERT_NO_FATAL_FAILURE(restart_sees_the_question());

    const std::string asked = (dir / "asked.png").string(), after = (dir / "recovered.png").string();
    const fs::path actions = script("recover.txt", "screenshot " + asked + " " + edited_ward + "\nanswer recover\nscreenshot " + after +
                                                       " " + edited_ward + "\nsave " + plan.string() + "\n");
    const Finished run = view("recover", "--plan '" + plan.string() + "' --replay '" + actions.string() + "' --exit");
    ASSERT_EQ(run.exit_code, 0) << run.errors;
    ASSERT_EQ(run.lines.size(), 2u);
    EXPECT_EQ(run.lines[0]["question"], "Recover plan");
    EXPECT_EQ(run.lines[0]["wards"][0]["unit"], "EA") << "before the answer the window shows the plan as saved";
    EXPECT_EQ(run.lines[1]["question"], "");
    EXPECT_EQ(run.lines[1]["wards"][0]["unit"], "CN");

    EXPECT_EQ(unit_of(plan, edited_ward), "CN") << "the recovered edit was not saved";
    EXPECT_EQ(unit_of(plan, "E05000027"), "EA") << "Alibon, beside it, stays as it was";
    EXPECT_FALSE(fs::exists(autosave)) << "saving removes the autosave";
}

TEST_F(PlannerRecovery, DiscardLeavesThePlanAndRemovesTheAutosave) {
    ASSERT_NO_FATAL_FAILURE(crash_after_an_edit());
    ASSERT_NO_FATAL_FAILURE(restart_sees_the_question());

    const fs::path actions = script("discard.txt", "answer discard\nscreenshot " + (dir / "discarded.png").string() + " " + edited_ward + "\n");
    const Finished run = view("discard", "--plan '" + plan.string() + "' --replay '" + actions.string() + "' --exit");
    ASSERT_EQ(run.exit_code, 0) << run.errors;
    ASSERT_EQ(run.lines.size(), 1u);
    EXPECT_EQ(run.lines[0]["question"], "");
    EXPECT_EQ(run.lines[0]["wards"][0]["unit"], "EA");
    EXPECT_EQ(read_all(plan), saved_text) << "discarding changed the plan file";
    EXPECT_FALSE(fs::exists(autosave)) << "the discarded autosave is still there";

    // And the start after that asks nothing.
    const Finished next = view("next", "--plan '" + plan.string() + "' --screenshot '" + (dir / "next.png").string() + "' --exit");
    ASSERT_EQ(next.exit_code, 0) << next.errors;
    ASSERT_EQ(next.lines.size(), 1u);
    EXPECT_EQ(next.lines[0]["question"], "");
}

TEST_F(PlannerRecovery, AnswerWithNoQuestionNamesTheLine) {
    const Finished run = view("stray", "--replay '" + script("stray.txt", "zoom to all\nanswer recover\n").string() + "' --exit");
    EXPECT_EQ(run.exit_code, 3);
    EXPECT_NE(run.errors.find("line 2"), std::string::npos) << run.errors;
    EXPECT_NE(run.errors.find("no recovery question is open"), std::string::npos) << run.errors;
}

}  // namespace
