// The panels drawn again only where they changed (ui/app/panel_layer.h), under Xvfb: a number that
// changes in one table draws a small part of the window, and the window then holds exactly what
// a panel layer drawing everything anew gives for the same frame.
#include "ui/app/panel_layer.h"
#include "ui/app/window.h"
#include "render/gl/gl.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

std::vector<std::uint32_t> window_pixels(int width, int height) {
    std::vector<std::uint32_t> pixels(static_cast<std::size_t>(width * height));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    return pixels;
}

// Two panels as the planner has them: a table of figures on the left, a list on the right.
void panels(int crime, bool hover_row) {
    ImGui::SetNextWindowPos({0, 20});
    ImGui::SetNextWindowSize({360, 500});
    ImGui::Begin("Statistics");
    if (ImGui::BeginTable("units", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
        for (int row = 0; row < 20; ++row) {
            ImGui::TableNextRow();
            if (hover_row && row == 7) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(80, 80, 160, 255));
            ImGui::TableNextColumn();
            ImGui::Text("Unit %d", row);
            ImGui::TableNextColumn();
            ImGui::Text("%d wards", 30 + row);
            ImGui::TableNextColumn();
            ImGui::Text("%d", row == 3 ? crime : 1000 * row);
        }
        ImGui::EndTable();
    }
    ImGui::End();
    ImGui::SetNextWindowPos({440, 20});
    ImGui::SetNextWindowSize({360, 300});
    ImGui::Begin("Findings");
    for (int line = 0; line < 12; ++line) ImGui::Text("Finding %d: a command unit in two pieces", line);
    ImGui::End();
}

class PanelLayerTest : public ::testing::Test {
protected:
    ui::GlfwLibrary glfw;
    ui::Window window{800, 600, "panel layer test"};
    ui::ImGuiBinding imgui{window};
    int width = 0, height = 0;

    // One frame of the panels over a plain background, through `layer`.
    std::vector<std::uint32_t> frame(ui::PanelLayer& layer, int crime, bool hover_row) {
        window.framebuffer_size(width, height);
        imgui.new_frame();
        panels(crime, hover_row);
        ImGui::Render();
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, width, height);
        glClearColor(0.9f, 0.92f, 0.95f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        layer.render(*ImGui::GetDrawData());
        glFinish();
        return window_pixels(width, height);
    }
};

TEST_F(PanelLayerTest, AChangedNumberIsDrawnAgainAloneAndTheWindowIsAsIfAllWereDrawn) {
    ui::PanelLayer layer;
    for (int i = 0; i < 3; ++i) frame(layer, 5018, false);  // settled: the table has its widths
    long drawn = layer.draws();
    frame(layer, 5018, false);
    EXPECT_EQ(layer.draws(), drawn) << "an unchanged frame drew the panels again";

    const double window_area = static_cast<double>(width) * height;
    for (const auto& [crime, hover] : std::vector<std::pair<int, bool>>{{5017, false}, {123456, false}, {123456, true}, {7, true}}) {
        const std::vector<std::uint32_t> partial = frame(layer, crime, hover);
        EXPECT_EQ(layer.draws(), drawn + 1) << "the change was not drawn";
        const double layer_pixels = layer.last_drawn_pixels();
        EXPECT_LT(layer_pixels, 0.05 * window_area) << "crime " << crime << ": drew far more than the change";
        ui::PanelLayer fresh;
        const std::vector<std::uint32_t> whole = frame(fresh, crime, hover);
        std::size_t differ = 0;
        for (std::size_t p = 0; p < whole.size(); ++p) differ += whole[p] != partial[p];
        EXPECT_EQ(differ, 0u) << "crime " << crime << ": the partly drawn window differs from one drawn whole";
        std::printf("crime %d%s: %.0f pixels drawn again (of %.0f), %zu differ from the window drawn whole\n", crime, hover ? ", row hovered" : "",
                    layer_pixels, window_area, differ);
        // Back to the first layer's state for the next change: it has drawn this frame.
        frame(layer, crime, hover);
        drawn = layer.draws();
    }
}

}  // namespace
