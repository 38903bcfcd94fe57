#include "crm/nlu/entity_linker.h"

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "unit/analytics/analytics_fixture.h"
#include "unit/nlu/nlu_fixture.h"

namespace crm::nlu::test {
namespace {

using Map = std::map<std::string, std::string>;

class NluEntityTest : public ::testing::Test {
 protected:
  Map Find(const std::string& text) const { return Entities(linker_.Link(text, AsOf("2017-12-31"))); }
  LinkedQuery Linked(const std::string& text) const { return linker_.Link(text, AsOf("2017-12-31")); }

  EntityLinker linker_{NamesCrm()};
};

TEST_F(NluEntityTest, ExactNamesIgnoreCase) {
  EXPECT_EQ(Find("how is konex doing"), (Map{{"account", "Konex"}}));
  EXPECT_EQ(Find("deals of Moses Frase"), (Map{{"sales_agent", "Moses Frase"}}));
  EXPECT_EQ(Find("team of melvin marxen"), (Map{{"manager", "Melvin Marxen"}}));
  EXPECT_EQ(Find("sales in japan"), (Map{{"country", "Japan"}}));
  EXPECT_EQ(Find("retail accounts"), (Map{{"sector", "retail"}}));
  const LinkedQuery query = Linked("summary of the new york inquirer please");
  ASSERT_EQ(query.spans.size(), 1u);
  EXPECT_EQ(query.spans[0].value, "The New York Inquirer");
  EXPECT_DOUBLE_EQ(query.spans[0].score, 1.0);
}

TEST_F(NluEntityTest, NormalisedNamesIgnorePunctuationAndSpaces) {
  EXPECT_EQ(Find("status of kancode"), (Map{{"account", "Kan-code"}}));
  EXPECT_EQ(Find("status of kan code"), (Map{{"account", "Kan-code"}}));
  EXPECT_EQ(Find("price of gtxpro"), (Map{{"product", "GTX Pro"}}));
  EXPECT_EQ(Find("Gekko and Co"), (Map{{"account", "Gekko & Co"}}));
  const LinkedQuery query = Linked("status of kancode");
  EXPECT_LT(query.spans[0].score, 1.0);
  EXPECT_GT(query.spans[0].score, 0.9);
}

TEST_F(NluEntityTest, CompanySuffixMayBeAddedOrDropped) {
  EXPECT_EQ(Find("deals with acme corp"), (Map{{"account", "Acme Corporation"}}));
  EXPECT_EQ(Find("acme inc summary"), (Map{{"account", "Acme Corporation"}}));
  EXPECT_EQ(Find("Initech Inc health"), (Map{{"account", "Initech"}}));
  EXPECT_EQ(Find("umbrella deals"), (Map{{"account", "Umbrella Corporation"}}));
  const LinkedQuery query = Linked("deals with acme corp");
  EXPECT_EQ(query.masked_text, "deals with ent_account");
}

TEST_F(NluEntityTest, ScoresFallWithLooserMatches) {
  const auto score = [this](const std::string& text) {
    const LinkedQuery query = Linked(text);
    return query.spans.size() == 1 ? query.spans[0].score : -1.0;
  };
  const double exact = score("konex");
  const double normalised = score("kancode");
  const double suffix = score("konex inc");
  const double partial = score("moses");
  const double typo = score("konnex");
  const double two_typos = score("betatekk");
  EXPECT_DOUBLE_EQ(exact, 1.0);
  EXPECT_GT(exact, normalised);
  EXPECT_GT(normalised, suffix);
  EXPECT_GT(suffix, partial);
  EXPECT_GT(partial, typo);
  EXPECT_GT(typo, two_typos);
  EXPECT_GT(two_typos, 0.0);
}

TEST_F(NluEntityTest, UnknownCompanyIsNoAccount) {
  EXPECT_EQ(Find("tell me about foobar inc"), Map{});
  EXPECT_EQ(Find("what about Globex Corporation"), Map{});
}

TEST_F(NluEntityTest, UniqueLeadingWordOrLastName) {
  EXPECT_EQ(Find("how is acme doing"), (Map{{"account", "Acme Corporation"}}));
  EXPECT_EQ(Find("how is moses doing this year"), (Map{{"sales_agent", "Moses Frase"}, {"period", "2017"}}));
  EXPECT_EQ(Find("deals of schlecht"), (Map{{"sales_agent", "Darcel Schlecht"}}));
  EXPECT_EQ(Find("what did carol close"), (Map{{"sales_agent", "Carol Thompson"}}));
  EXPECT_EQ(Find("new york inquirer"), (Map{{"account", "The New York Inquirer"}}));
}

TEST_F(NluEntityTest, SharedFirstNameGivesNothing) {
  EXPECT_EQ(Find("how is anna doing"), Map{});
  EXPECT_EQ(Find("how is anna cosme doing"), (Map{{"sales_agent", "Anna Cosme"}}));
}

TEST_F(NluEntityTest, TyposWithOneBestName) {
  EXPECT_EQ(Find("follow up with konnex"), (Map{{"account", "Konex"}, {"email_type", "follow_up"}}));
  EXPECT_EQ(Find("team of melvn marxen"), (Map{{"manager", "Melvin Marxen"}}));
  EXPECT_EQ(Find("darcel schlect deals"), (Map{{"sales_agent", "Darcel Schlecht"}}));
  EXPECT_EQ(Find("technolgy sector"), (Map{{"sector", "technology"}}));
  EXPECT_EQ(Find("anna cosmes deals"), (Map{{"sales_agent", "Anna Cosme"}}));
  const LinkedQuery query = Linked("konnex");
  ASSERT_EQ(query.spans.size(), 1u);
  EXPECT_LT(query.spans[0].score, 0.8);
}

TEST_F(NluEntityTest, TyposExtendAMatchOverMoreWords) {
  const LinkedQuery agent = Linked("deals for darcel schlect");
  ASSERT_EQ(agent.spans.size(), 1u);
  EXPECT_EQ(agent.spans[0].value, "Darcel Schlecht");
  EXPECT_EQ(agent.masked_text, "deals for ent_sales_agent");
  EXPECT_EQ(Find("email about mg advaned"), (Map{{"product", "MG Advanced"}}));
  EXPECT_EQ(Find("price of gtx plus pr"), (Map{{"product", "GTX Plus Pro"}}));
  EXPECT_EQ(Find("deals of mg last year"), (Map{{"series", "MG"}, {"period", "2016"}}));
}

TEST_F(NluEntityTest, TyposNeedEnoughLetters) {
  // Three letters tolerate no typo; eight or more tolerate two, fewer only one.
  EXPECT_EQ(Find("the mgg series"), Map{});
  EXPECT_EQ(Find("konnexx"), Map{});
  EXPECT_EQ(Find("betatekk deals"), (Map{{"account", "Betatech"}}));
}

TEST_F(NluEntityTest, OrdinaryWordsNeverBecomeAccounts) {
  for (const char* text :
       {"show the best deals", "which accounts have more sales", "what does the team need",
        "show me newer deals", "cheer up the team", "what is the latest news", "which deals are at risk",
        "list all accounts", "how many deals did we close", "compare sales across the company"}) {
    const Map found = Find(text);
    EXPECT_EQ(found.count("account"), 0u) << text;
    EXPECT_EQ(found.count("sales_agent"), 0u) << text;
  }
  // An account whose name is an English word still matches exactly.
  EXPECT_EQ(Find("summary of cheers"), (Map{{"account", "Cheers"}}));
}

TEST_F(NluEntityTest, EnglishWordsAreNoTyposOfInventedNames) {
  analytics::test::DatasetBuilder b;
  b.Account("Solutron", "retail", 1, 1, "Japan");
  b.Account("Loratron", "retail", 1, 1, "Japan");
  b.Agent("Ann Lee", "Max Low", "East");
  const Dataset data = b.Build();
  const EntityLinker linker(data);
  const int32_t as_of = AsOf("2017-12-31");
  EXPECT_EQ(Entities(linker.Link("show solution deals", as_of)), Map{});
  EXPECT_EQ(Entities(linker.Link("deals by location", as_of)), (Map{{"by", "country"}}));
  EXPECT_EQ(Entities(linker.Link("the location of loratron", as_of)), (Map{{"account", "Loratron"}}));
  EXPECT_EQ(Entities(linker.Link("show solutrom deals", as_of)), (Map{{"account", "Solutron"}}));
  EXPECT_EQ(Entities(linker.Link("it was an ease", as_of)), Map{});
  EXPECT_EQ(Entities(linker.Link("eats deals", as_of)), Map{});
}

TEST_F(NluEntityTest, ProductBeatsSeriesAndLongestWins) {
  EXPECT_EQ(Find("sales of gtx pro"), (Map{{"product", "GTX Pro"}}));
  EXPECT_EQ(Find("sales of gtx"), (Map{{"series", "GTX"}}));
  EXPECT_EQ(Find("sales of gtx plus pro"), (Map{{"product", "GTX Plus Pro"}}));
  EXPECT_EQ(Find("sales of gtk 500"), (Map{{"product", "GTK 500"}}));
  EXPECT_EQ(Find("sales of mg special"), (Map{{"product", "MG Special"}}));
}

TEST_F(NluEntityTest, AmbiguousPartialGivesNothing) {
  EXPECT_EQ(Find("sales of gtx plus"), Map{});
  EXPECT_EQ(Find("sales of gtx plus last year"), (Map{{"period", "2016"}}));
}

TEST_F(NluEntityTest, OpportunityIdsAnyCase) {
  EXPECT_EQ(Find("score 1c1i7a6r"), (Map{{"opportunity_id", "1C1I7A6R"}}));
  EXPECT_EQ(Find("why is 1C1I7A6R likely to win"), (Map{{"opportunity_id", "1C1I7A6R"}}));
  EXPECT_EQ(Find("score ZZZZ1234"), Map{});
}

TEST_F(NluEntityTest, UnknownIdAfterOpportunityOrDealIsKeptSoTheAnswerCanSayThereIsNone) {
  EXPECT_EQ(Find("show me opportunity zzzz1234"), (Map{{"opportunity_id", "ZZZZ1234"}}));
  EXPECT_EQ(Find("score deal ZZZZ1234"), (Map{{"opportunity_id", "ZZZZ1234"}}));
  EXPECT_EQ(Find("show me opportunity abcdefgh"), Map{});  // no digit: a word, not an id
  EXPECT_EQ(Find("show me opportunity 12345678"), Map{});  // no letter: a number
}

TEST_F(NluEntityTest, SectorCountryAndOfficeSynonyms) {
  EXPECT_EQ(Find("tech accounts"), (Map{{"sector", "technology"}}));
  EXPECT_EQ(Find("telecom revenue"), (Map{{"sector", "telecommunications"}}));
  EXPECT_EQ(Find("health care deals"), (Map{{"sector", "medical"}}));
  EXPECT_EQ(Find("healthcare deals"), (Map{{"sector", "medical"}}));
  EXPECT_EQ(Find("financial companies"), (Map{{"sector", "finance"}}));
  EXPECT_EQ(Find("accounts in the us"), (Map{{"country", "United States"}}));
  EXPECT_EQ(Find("accounts in the U.S."), (Map{{"country", "United States"}}));
  EXPECT_EQ(Find("usa accounts"), (Map{{"country", "United States"}}));
  EXPECT_EQ(Find("accounts in america"), (Map{{"country", "United States"}}));
  EXPECT_EQ(Find("accounts in the states"), (Map{{"country", "United States"}}));
  EXPECT_EQ(Find("south korea accounts"), (Map{{"country", "Korea"}}));
  EXPECT_EQ(Find("deals in the western region"), (Map{{"regional_office", "West"}}));
  EXPECT_EQ(Find("west coast deals"), (Map{{"regional_office", "West"}}));
  EXPECT_EQ(Find("eastern deals"), (Map{{"regional_office", "East"}}));
  EXPECT_EQ(Find("central region pipeline"), (Map{{"regional_office", "Central"}}));
  // A compass word before a part of the world names that part, not an office or a country.
  EXPECT_EQ(Find("which deals in eastern europe are at risk"), Map{});
  EXPECT_EQ(Find("accounts in east asia"), Map{});
  EXPECT_EQ(Find("accounts in south america"), Map{});
  EXPECT_EQ(Find("west deals in the middle east"), (Map{{"regional_office", "West"}}));
  EXPECT_EQ(Find("east deals"), (Map{{"regional_office", "East"}}));
  EXPECT_EQ(Find("show us the pipeline"), Map{});
  EXPECT_EQ(Find("revenue in us dollars"), Map{});
  EXPECT_EQ(Find("tell us about konex"), (Map{{"account", "Konex"}}));
}

TEST_F(NluEntityTest, SynonymsOnlyForValuesInTheData) {
  analytics::test::DatasetBuilder b;
  b.Account("Solo", "retail", 1, 1, "Japan");
  const Dataset data = b.Build();
  const EntityLinker linker(data);
  EXPECT_EQ(Entities(linker.Link("tech accounts in the usa", AsOf("2017-12-31"))), Map{});
  EXPECT_EQ(Entities(linker.Link("west coast deals", AsOf("2017-12-31"))), Map{});
}

TEST_F(NluEntityTest, MaskedTextReplacesOnlyMaskedKeys) {
  const LinkedQuery query = Linked("draft a friendly follow-up to Konex about GTX Pro");
  EXPECT_EQ(query.masked_text, "draft a friendly follow-up to ent_account about ent_product");
  EXPECT_EQ(
      Entities(query),
      (Map{{"account", "Konex"}, {"product", "GTX Pro"}, {"email_type", "follow_up"}, {"tone", "friendly"}}));
  ASSERT_EQ(query.spans.size(), 4u);
  EXPECT_EQ(query.spans[0].key, "tone");
  EXPECT_EQ(query.spans[2].begin, 30u);
  EXPECT_EQ(query.spans[2].end, 35u);
  EXPECT_EQ(Linked("Konex's deals in Q3 2017?").masked_text, "ent_account's deals in ent_period?");
  EXPECT_EQ(Linked("top 5 deals by sector").masked_text, "top 5 deals by sector");
  EXPECT_EQ(Linked("won deals of moses frase in the west").masked_text,
            "won deals of ent_sales_agent in the ent_regional_office");
}

TEST_F(NluEntityTest, WestDealsAtRisk) {
  EXPECT_EQ(Find("which West deals are at risk?"), (Map{{"regional_office", "West"}}));
}

TEST_F(NluEntityTest, AccentedNamesMatchPlainTyping) {
  analytics::test::DatasetBuilder b;
  b.Account("Zürich Holdings", "finance", 1, 1, "Switzerland");
  b.Agent("José Núñez", "Max Low", "East");
  const Dataset data = b.Build();
  const EntityLinker linker(data);
  const int32_t as_of = AsOf("2017-12-31");
  EXPECT_EQ(Entities(linker.Link("how is zurich doing", as_of)), (Map{{"account", "Zürich Holdings"}}));
  EXPECT_EQ(Entities(linker.Link("deals of jose nunez", as_of)), (Map{{"sales_agent", "José Núñez"}}));
  EXPECT_EQ(Entities(linker.Link("accounts in switzerland", as_of)), (Map{{"country", "Switzerland"}}));
}

TEST_F(NluEntityTest, EmptyOddAndLongTextIsSafe) {
  EXPECT_TRUE(Linked("").spans.empty());
  EXPECT_EQ(Linked("").masked_text, "");
  EXPECT_EQ(Linked("  ?! ").masked_text, "  ?! ");
  EXPECT_EQ(Find("\xff\xfe konex \xc3"), (Map{{"account", "Konex"}}));
  std::string long_text;
  for (int i = 0; i < 500; ++i) long_text += "what about the deals of konex and ";
  const LinkedQuery query = Linked(long_text);
  EXPECT_EQ(query.spans.size(), 500u);
  EXPECT_EQ(query.masked_text.find("konex"), std::string::npos);
}

TEST_F(NluEntityTest, AccentsAreIgnored) {
  EXPECT_EQ(Find("how is kónex doing"), (Map{{"account", "Konex"}}));
  const LinkedQuery query = Linked("kónex");
  EXPECT_EQ(query.masked_text, "ent_account");
}

}  // namespace
}  // namespace crm::nlu::test
