#pragma once
// A test with a scratch folder of its own: removed when the test passes, kept (and named) when it
// fails, so the screenshots and outputs can be looked at.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace wardmap_test {

class ScratchDirTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "wardmap-gui-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir = pattern;
    }
    void TearDown() override {
        if (!HasFailure()) std::filesystem::remove_all(dir);
        else std::printf("kept %s for a look\n", dir.c_str());
    }
    std::filesystem::path dir;
};

}  // namespace wardmap_test
