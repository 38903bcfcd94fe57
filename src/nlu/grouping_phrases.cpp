#include "crm/nlu/grouping_phrases.h"

#include <string>

#include "crm/nlu/phrase_table.h"

namespace crm::nlu {

namespace {

//! Nouns of this many letters or more may be typed with a typo: after "by" a dimension must follow.
constexpr size_t kMinNounTypoLength = 5;

//! Nouns after "by", "per", "for each"; the plural ones also after "across".
struct DimensionNouns {
  PhraseTable any{kMinNounTypoLength};
  PhraseTable plural{kMinNounTypoLength};
};

DimensionNouns BuildNouns() {
  DimensionNouns nouns;
  nouns.plural.Add({"sectors", "industries", "verticals"}, "by", "sector");
  nouns.plural.Add({"products"}, "by", "product");
  nouns.plural.Add({"product lines", "product families"}, "by", "series");
  nouns.plural.Add({"reps", "sales reps", "agents", "sales agents", "salespeople", "salespersons", "sellers"},
                   "by", "sales_agent");
  nouns.plural.Add({"managers", "sales managers", "teams"}, "by", "manager");
  nouns.plural.Add({"regions", "offices", "regional offices", "territories"}, "by", "regional_office");
  nouns.plural.Add({"stages", "deal stages", "pipeline stages"}, "by", "deal_stage");
  nouns.plural.Add({"accounts", "customers", "companies", "clients"}, "by", "account");
  nouns.plural.Add({"countries"}, "by", "country");
  nouns.plural.Add({"months"}, "by", "month");
  nouns.plural.Add({"quarters"}, "by", "quarter");
  nouns.any = nouns.plural;
  nouns.any.Add({"sector", "industry", "vertical"}, "by", "sector");
  nouns.any.Add({"product"}, "by", "product");
  nouns.any.Add({"series", "product line", "product series", "product family"}, "by", "series");
  nouns.any.Add({"rep", "sales rep", "agent", "sales agent", "salesperson", "sales person", "seller"}, "by",
                "sales_agent");
  nouns.any.Add({"manager", "sales manager", "team"}, "by", "manager");
  nouns.any.Add({"region", "office", "regional office", "territory"}, "by", "regional_office");
  nouns.any.Add({"stage", "deal stage", "pipeline stage"}, "by", "deal_stage");
  nouns.any.Add({"account", "customer", "company", "client"}, "by", "account");
  nouns.any.Add({"country", "location"}, "by", "country");
  nouns.any.Add({"month"}, "by", "month");
  nouns.any.Add({"quarter"}, "by", "quarter");
  return nouns;
}

const DimensionNouns& Nouns() {
  static const DimensionNouns nouns = BuildNouns();
  return nouns;
}

const PhraseTable& Adverbs() {
  static const PhraseTable table = [] {
    PhraseTable adverbs;
    adverbs.Add({"monthly", "month by month", "month over month", "month on month"}, "by", "month");
    adverbs.Add({"quarterly", "quarter by quarter", "quarter over quarter", "quarter on quarter"}, "by",
                "quarter");
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
    auto noun = nouns.Match(state.tokens(), i + lead, free - lead);
    if (!noun) noun = nouns.MatchWithTypo(state.tokens(), i + lead, free - lead);  // "by prodcut"
    if (noun) state.Claim(i, lead + noun->count, noun->value.key, noun->value.value);
  }
}

}  // namespace crm::nlu
