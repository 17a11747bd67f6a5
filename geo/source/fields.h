#pragma once
// Which field is the unit code, name, parent code and parent name: guessed from the names public
// boundary files use (GLA, ONS) and overridable, because the same meaning goes by different names
// between releases (GSS_Code in 2014, GSS_CODE in 2018, WD13CD, LSOA11CD).
#include "geo/source/ward.h"

#include <optional>
#include <string>
#include <vector>

namespace geo {

struct FieldChoice {
    std::optional<std::string> code, name, parent, parent_name;
};

// Throws InputError naming `file` and listing the fields that exist when a chosen field is not
// there, or when no code field can be guessed.
FieldMapping map_fields(const std::vector<std::string>& available, const FieldChoice& choice,
                        const std::string& file);

}  // namespace geo
