#include "render/style/style_colours.h"

#include "render/style/palette.h"
#include "render/style/theme.h"

namespace render {

geo::StyleColours style_colours(const geo::WardSet& set, const geo::Grouping& grouping) {
    geo::StyleColours colours;
    const Theme units = command_unit_theme(set, grouping);  // entries in the order of grouping.groups
    for (std::size_t g = 0; g < grouping.groups.size() && g < units.entries.size(); ++g)
        colours.command_unit[grouping.groups[g].code] = to_hex(units.entries[g].colour);
    colours.sequence = [](std::size_t count) {
        std::vector<std::string> hex;
        for (const Rgb& colour : sequential_palette(count)) hex.push_back(to_hex(colour));
        return hex;
    };
    return colours;
}

}  // namespace render
