#include <gtest/gtest.h>

#include "../../../src/server/http_json.h"

namespace crm::server {
namespace {

httplib::Request JsonRequest(const std::string& body) {
  httplib::Request request;
  request.set_header("Content-Type", "application/json");
  request.body = body;
  return request;
}

TEST(ServerJsonTest, ParsesAnObjectAndNamesWhatIsWrong) {
  auto parsed = ParseJsonObject(JsonRequest(R"({"question": "hi"})"));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)["question"], "hi");
  auto syntax = ParseJsonObject(JsonRequest(R"({"question": )"));
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(syntax.error().message.find("not valid JSON"), std::string::npos);
  auto array = ParseJsonObject(JsonRequest("[1]"));
  ASSERT_FALSE(array.ok());
  EXPECT_NE(array.error().message.find("object"), std::string::npos);
}

TEST(ServerJsonTest, ChecksTheContentType) {
  EXPECT_TRUE(HasJsonContentType(JsonRequest("{}")));
  httplib::Request text;
  text.set_header("Content-Type", "text/plain");
  EXPECT_FALSE(HasJsonContentType(text));
}

TEST(ServerJsonTest, ReadsStringMembers) {
  const nlohmann::json body = {{"a", "x"}, {"n", 1}, {"z", nullptr}};
  EXPECT_EQ(*StringMember(body, "a"), "x");
  EXPECT_EQ(*StringMember(body, "missing"), "");
  EXPECT_EQ(*StringMember(body, "z"), "");
  EXPECT_FALSE(StringMember(body, "n").ok());
}

TEST(ServerJsonTest, ErrorsAreJsonAndInvalidUtf8IsReplaced) {
  httplib::Response response;
  SendError(response, 404, "no \xFF such");
  EXPECT_EQ(response.status, 404);
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"], "no \xEF\xBF\xBD such");
  EXPECT_EQ(response.get_header_value("Content-Type"), "application/json; charset=utf-8");
}

}  // namespace
}  // namespace crm::server
