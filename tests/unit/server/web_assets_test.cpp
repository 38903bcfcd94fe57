// The web UI's asset lookup: URL paths that could leave the assets are refused, the embedded files are
// there with their content types and ETags, and a folder is read without escaping it.
#include <gtest/gtest.h>

#include <filesystem>

#include "../../../src/server/web_assets.h"
#include "support/test_support.h"

namespace crm::server {
namespace {

TEST(WebAssetsTest, MapsUrlPathsToAssetPaths) {
  EXPECT_EQ(AssetPath("/").value(), "index.html");
  EXPECT_EQ(AssetPath("/js/pages/chat.js").value(), "js/pages/chat.js");
  EXPECT_EQ(AssetPath("/vendor/chart.umd.js").value(), "vendor/chart.umd.js");
}

TEST(WebAssetsTest, RefusesPathsThatCouldLeaveTheAssets) {
  for (const char* path :
       {"", "js/app.js", "/..", "/../etc/passwd", "/js/../../x", "/./index.html", "/.git/config",
        "//etc/passwd", "/js//app.js", "/js/", "/js\\..\\x", "/%2e%2e/x", "/a\x01", "/a b"}) {
    EXPECT_FALSE(AssetPath(path).ok()) << path;
  }
  EXPECT_FALSE(AssetPath(std::string_view("/index.html\0x", 13)).ok());
}

TEST(WebAssetsTest, ContentTypesByExtension) {
  EXPECT_EQ(ContentTypeOf("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("js/app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("vendor/purify.es.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("css/app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeOf("notes.bin"), "application/octet-stream");
}

TEST(WebAssetsTest, EtagsAreQuotedAndFollowTheBytes) {
  EXPECT_EQ(EtagOf("abc"), EtagOf("abc"));
  EXPECT_NE(EtagOf("abc"), EtagOf("abd"));
  EXPECT_EQ(EtagOf("").size(), 18u);
  EXPECT_EQ(EtagOf("").front(), '"');
  EXPECT_TRUE(MatchesEtag(EtagOf("abc"), EtagOf("abc")));
  EXPECT_TRUE(MatchesEtag("\"x\", W/" + EtagOf("abc"), EtagOf("abc")));
  EXPECT_TRUE(MatchesEtag("*", EtagOf("abc")));
  EXPECT_FALSE(MatchesEtag("", EtagOf("abc")));
  EXPECT_FALSE(MatchesEtag(EtagOf("abd"), EtagOf("abc")));
}

TEST(WebAssetsTest, EmbedsThePagesAndTheVendoredLibraries) {
  for (const char* path :
       {"index.html", "css/app.css", "js/app.js", "js/api.js", "js/pages/chat.js", "js/pages/dashboard.js",
        "vendor/chart.umd.js", "vendor/marked.esm.js", "vendor/purify.es.mjs"}) {
    const WebAsset* asset = FindEmbeddedAsset(path);
    ASSERT_NE(asset, nullptr) << path;
    EXPECT_FALSE(asset->bytes.empty()) << path;
    EXPECT_EQ(asset->content_type, ContentTypeOf(path));
    EXPECT_EQ(asset->etag, EtagOf(asset->bytes));
  }
  EXPECT_NE(FindEmbeddedAsset("index.html")->bytes.find("js/app.js"), std::string::npos);
  EXPECT_EQ(FindEmbeddedAsset("package.json"), nullptr);
  EXPECT_EQ(FindEmbeddedAsset("node_modules/marked/package.json"), nullptr);
}

TEST(WebAssetsTest, ReadsAFolderWithoutLeavingIt) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "root" / "js");
  test::WriteFile(dir.File("root/js/app.js"), "console.log(1);");
  test::WriteFile(dir.File("secret.txt"), "secret");
  std::filesystem::create_symlink(dir.File("secret.txt"), dir.File("root/js/link.js"));

  auto asset = ReadAsset(dir.File("root"), "js/app.js");
  ASSERT_TRUE(asset.ok()) << asset.error().message;
  EXPECT_EQ(asset->bytes, "console.log(1);");
  EXPECT_EQ(asset->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(asset->etag, EtagOf("console.log(1);"));
  EXPECT_FALSE(ReadAsset(dir.File("root"), "js/link.js").ok());
  EXPECT_FALSE(ReadAsset(dir.File("root"), "js/missing.js").ok());
  EXPECT_FALSE(ReadAsset(dir.File("root"), "js").ok());
  // The npm builds are not in the folder: the embedded ones stand in for them.
  auto vendored = ReadAsset(dir.File("root"), "vendor/chart.umd.js");
  ASSERT_TRUE(vendored.ok());
  EXPECT_EQ(vendored->bytes, FindEmbeddedAsset("vendor/chart.umd.js")->bytes);
}

}  // namespace
}  // namespace crm::server
