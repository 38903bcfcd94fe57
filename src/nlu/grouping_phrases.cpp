#include "crm/nlu/grouping_phrases.h"

#include <initializer_list>
#include <string>

#include "crm/nlu/phrase_table.h"

namespace crm::nlu {

namespace {

void AddAll(PhraseTable& table, const std::string& dimension, std::initializer_list<const char*> nouns) {
  for (const char* noun : nouns) table.Add(noun, "by", dimension);
}

//! Nouns after "by", "per", "for each"; the plural ones also after "across".
struct DimensionNouns {
  PhraseTable any;
  PhraseTable plural;
};

DimensionNouns BuildNouns() {
  DimensionNouns nouns;
  AddAll(nouns.plural, "sector", {"sectors", "industries", "verticals"});
  AddAll(nouns.plural, "product", {"products"});
  AddAll(nouns.plural, "series", {"product lines", "product families"});
  AddAll(nouns.plural, "sales_agent",
         {"reps", "sales reps", "agents", "sales agents", "salespeople", "salespersons", "sellers"});
  AddAll(nouns.plural, "manager", {"managers", "sales managers", "teams"});
  AddAll(nouns.plural, "regional_office", {"regions", "offices", "regional offices", "territories"});
  AddAll(nouns.plural, "deal_stage", {"stages", "deal stages", "pipeline stages"});
  AddAll(nouns.plural, "account", {"accounts", "customers", "companies", "clients"});
  AddAll(nouns.plural, "country", {"countries"});
  AddAll(nouns.plural, "month", {"months"});
  AddAll(nouns.plural, "quarter", {"quarters"});
  nouns.any = nouns.plural;
  AddAll(nouns.any, "sector", {"sector", "industry", "vertical"});
  AddAll(nouns.any, "product", {"product"});
  AddAll(nouns.any, "series", {"series", "product line", "product series", "product family"});
  AddAll(nouns.any, "sales_agent",
         {"rep", "sales rep", "agent", "sales agent", "salesperson", "sales person", "seller"});
  AddAll(nouns.any, "manager", {"manager", "sales manager", "team"});
  AddAll(nouns.any, "regional_office", {"region", "office", "regional office", "territory"});
  AddAll(nouns.any, "deal_stage", {"stage", "deal stage", "pipeline stage"});
  AddAll(nouns.any, "account", {"account", "customer", "company", "client"});
  AddAll(nouns.any, "country", {"country", "location"});
  AddAll(nouns.any, "month", {"month"});
  AddAll(nouns.any, "quarter", {"quarter"});
  return nouns;
}

const DimensionNouns& Nouns() {
  static const DimensionNouns nouns = BuildNouns();
  return nouns;
}

const PhraseTable& Adverbs() {
  static const PhraseTable table = [] {
    PhraseTable adverbs;
    AddAll(adverbs, "month", {"monthly", "month by month", "month over month", "month on month"});
    AddAll(adverbs, "quarter",
           {"quarterly", "quarter by quarter", "quarter over quarter", "quarter on quarter"});
    return adverbs;
  }();
  return table;
}

//! Words of a grouping lead-in at `i` ("by", "per", "for each", "across"), 0 when there is none.
size_t LeadIn(const LinkState& state, size_t i, bool& plural_only) {
  const std::string& key = state.Key(i);
  plural_only = key == "across";
  if (key == "by" || key == "per" || key == "across") return 1;
  if (key == "for" && (state.KeyAt(i, 1) == "each" || state.KeyAt(i, 1) == "every")) return 2;
  return 0;
}

}  // namespace

void FindGroupings(LinkState& state) {
  for (size_t i = 0; i < state.size(); ++i) {
    const size_t free = state.FreeRun(i);
    if (free == 0) continue;
    if (auto adverb = Adverbs().Match(state.tokens(), i, free)) {
      state.Claim(i, adverb->count, adverb->value.key, adverb->value.value);
      continue;
    }
    bool plural_only = false;
    size_t lead = LeadIn(state, i, plural_only);
    if (lead == 0 || lead >= free) continue;
    const std::string& next = state.KeyAt(i, static_cast<long>(lead));
    if (next == "each" || next == "every" || next == "the" || next == "all") ++lead;
    if (lead >= free) continue;
    const PhraseTable& nouns = plural_only ? Nouns().plural : Nouns().any;
    if (auto noun = nouns.Match(state.tokens(), i + lead, free - lead)) {
      state.Claim(i, lead + noun->count, noun->value.key, noun->value.value);
    }
  }
}

}  // namespace crm::nlu
