#pragma once
// Other names for the sectors, countries and regional offices of the loaded data ("tech", "USA",
// "west coast"), kept only when they lead to a value the data has and are not names themselves.

#include <cstddef>
#include <optional>

#include "crm/data/dataset.h"
#include "crm/nlu/link_state.h"
#include "crm/nlu/name_gazetteer.h"
#include "crm/nlu/phrase_table.h"

namespace crm::nlu {

//! The synonyms whose target value is in `data` and whose words are no name of `names`.
PhraseTable NameSynonyms(const Dataset& data, const NameGazetteer& names);

//! The country "United States" for a bare "us" that reads as the country: written "US" or "U.S.", or
//! after "in", "the", "from", "outside" or "across"; nullopt otherwise ("show us", "tell us", "us
//! dollars") or when the data has no such country.
std::optional<PhraseMatch> UnitedStatesAbbreviation(const LinkState& state, size_t i, const Dataset& data);

//! Words at `i` that name a part of the world with a compass word ("eastern europe", "east asia", "south
//! america"): no regional office or country stands for them, so neither word may be linked; 0 when none.
size_t CompassRegionWords(const LinkState& state, size_t i);

}  // namespace crm::nlu
