#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "agents_fixture.h"
#include "crm/agents/email_batch.h"
#include "crm/agents/email_csv.h"
#include "crm/agents/eml_message.h"
#include "crm/common/utf8.h"
#include "crm/export/formula_guard.h"
#include "support/test_support.h"
#include "unit/analytics/analytics_fixture.h"

namespace crm::agents::test {

namespace {

const llm::OfflineWriter kWriter;
constexpr std::time_t kDate = 1514764800;  // 2018-01-01 00:00:00 UTC

EmailDraft DraftFor(const AgentWorld& world, const std::string& id) {
  EmailRequest request;
  request.deal = world.data->FindOpportunity(id);
  auto draft = DraftEmail(*world.context, request, kWriter);
  EXPECT_TRUE(draft.ok());
  return draft.ok() ? *draft : EmailDraft{};
}

//! Checks the RFC 5322 shape: CRLF only, header fields (or folded continuations), a blank line, UTF-8 body.
void ExpectMessage(const std::string& message) {
  const size_t split = message.find("\r\n\r\n");
  ASSERT_NE(split, std::string::npos);
  for (size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n') {
      EXPECT_TRUE(i > 0 && message[i - 1] == '\r') << "bare LF at " << i;
    }
    if (message[i] == '\r') {
      EXPECT_TRUE(i + 1 < message.size() && message[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  static const std::regex kField("[!-9;-~]+: .*|[ \t].*");
  const std::string headers = message.substr(0, split);
  size_t start = 0;
  while (start <= headers.size()) {
    size_t end = headers.find("\r\n", start);
    if (end == std::string::npos) end = headers.size();
    const std::string line = headers.substr(start, end - start);
    EXPECT_TRUE(std::regex_match(line, kField)) << line;
    EXPECT_LE(line.size(), 998u);
    start = end + 2;
  }
  for (const char* field :
       {"From: ", "To: ", "Subject: ", "Date: ", "Message-ID: <", "MIME-Version: 1.0\r\n",
        "Content-Type: text/plain; charset=UTF-8\r\n", "Content-Transfer-Encoding: 8bit\r\n"}) {
    EXPECT_TRUE(headers.rfind(field, 0) == 0 ||
                (headers + "\r\n").find(std::string("\r\n") + field) != std::string::npos)
        << field;
  }
  EXPECT_TRUE(IsValidUtf8(message.substr(split + 4)));
}

}  // namespace

TEST(AgentsEml, MessagesAreRfc5322) {
  const AgentWorld world = MakeWorld(analytics::test::SmallCrm());
  const std::string message = EmlMessage(DraftFor(world, "E1"), kDate);
  ExpectMessage(message);
  EXPECT_EQ(message.rfind("From: \"Ann\" <ann@crm-assistant.invalid>\r\n", 0), 0u) << message;
  EXPECT_NE(message.find("\r\nTo: \"Acme team\":;\r\n"), std::string::npos);
  EXPECT_NE(message.find("\r\nDate: Mon, 01 Jan 2018 00:00:00 +0000\r\n"), std::string::npos);
}

TEST(AgentsEml, HeadersAreEncodedAndCannotBeInjected) {
  EXPECT_EQ(EncodeHeaderText("Plain subject"), "Plain subject");
  const std::string encoded =
      EncodeHeaderText("Café offer for Müller GmbH, with a long tail to fold over words");
  EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u);
  std::regex word("=\\?UTF-8\\?B\\?[A-Za-z0-9+/=]+\\?=");
  size_t words = 0;
  for (auto it = std::sregex_iterator(encoded.begin(), encoded.end(), word); it != std::sregex_iterator();
       ++it) {
    EXPECT_LE(it->str().size(), 75u);
    ++words;
  }
  EXPECT_GE(words, 2u);
  EXPECT_EQ(EncodeHeaderText("Hi\r\nBcc: victim@example.com"), "Hi  Bcc: victim@example.com");
  EXPECT_EQ(PlaceholderAddress("Rosalina Dieter"), "rosalina.dieter@crm-assistant.invalid");

  analytics::test::DatasetBuilder builder;
  const int32_t product = builder.Product("Alpha", "A", 1000);
  const int32_t agent = builder.Agent("Zoë\r\nBcc: x@y.z", "Mia", "East");
  const int32_t account = builder.Account("Ünïcode Ltd", "tech", 10, 5, "US");
  builder.Deal("D1", agent, product, account, DealStage::kEngaging, "2017-01-02", "", kNoNumber);
  const AgentWorld world = MakeWorld(builder.Build());
  const std::string message = EmlMessage(DraftFor(world, "D1"), kDate);
  ExpectMessage(message);
  EXPECT_EQ(message.substr(0, message.find("\r\n\r\n")).find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(message.find("Subject: =?UTF-8?B?"), std::string::npos);
}

TEST(AgentsCsv, CellsAreNeutralisedAndQuoted) {
  EXPECT_EQ(exports::NeutralisedCell("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(exports::NeutralisedCell("+1"), "'+1");
  EXPECT_EQ(exports::NeutralisedCell("-1"), "'-1");
  EXPECT_EQ(exports::NeutralisedCell("@cmd"), "'@cmd");
  EXPECT_EQ(exports::NeutralisedCell("Acme"), "Acme");
  analytics::test::DatasetBuilder builder;
  const int32_t product = builder.Product("Alpha", "A", 1000);
  const int32_t agent = builder.Agent("Ann", "Mia", "East");
  const int32_t account = builder.Account("=HYPERLINK(\"http://x\")", "tech", 10, 5, "US");
  builder.Deal("D1", agent, product, account, DealStage::kEngaging, "2017-01-02", "", kNoNumber);
  const AgentWorld world = MakeWorld(builder.Build());
  const crm::test::TempDir dir;
  const std::vector<EmailDraft> drafts = {DraftFor(world, "D1")};
  ASSERT_TRUE(WriteEmailCsv(dir.File("emails.csv"), drafts).ok());
  const std::string csv = crm::test::ReadFile(dir.File("emails.csv"));
  EXPECT_EQ(csv.rfind("opportunity_id,account,sender,sender_address,email_type,tone,subject,body\r\n", 0),
            0u);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos) << csv;
}

TEST(AgentsBatch, OneEmailPerOpenDealOfTheFilter) {
  const AgentWorld world = MakeWorld(analytics::test::SmallCrm());
  analytics::FilterRequest filters;
  filters.regional_office = "East";
  auto deals = OpenDealsMatching(*world.context, filters);
  ASSERT_TRUE(deals.ok());
  // East: Ann and Bob; their open deals are E1 (Ann) and P1 (Bob, no account: skipped).
  ASSERT_EQ(deals->size(), 2u);
  const crm::test::TempDir dir;
  BatchOptions options;
  options.out_dir = dir.File("out");
  options.date = kDate;
  size_t progress = 0;
  auto result =
      WriteEmailBatch(*world.context, *deals, options, kWriter, [&](size_t done) { progress = done; });
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(progress, 2u);
  EXPECT_EQ(result->drafted, 1);
  ASSERT_EQ(result->files.size(), 1u);
  EXPECT_EQ(std::filesystem::path(result->files[0]).filename(), "E1.eml");
  EXPECT_EQ(result->skipped.size(), 1u);
  ExpectMessage(crm::test::ReadFile(result->files[0]));
  options.format = BatchFormat::kCsv;
  auto csv = WriteEmailBatch(*world.context, *deals, options, kWriter);
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(std::filesystem::path(csv->files.at(0)).filename(), "emails.csv");
}

}  // namespace crm::agents::test
