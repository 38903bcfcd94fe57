# The web UI (web/index.html, web/css/*, web/js/**.js and the browser builds of Chart.js, marked and
# DOMPurify from web/node_modules) compiled into the crm library as byte arrays, looked up by URL path in
# src/server/web_assets.cpp. Editing a file regenerates the arrays on the next build; adding one re-runs
# the configuration (the globs are CONFIGURE_DEPENDS).

set(CRM_WEB_DIR ${PROJECT_SOURCE_DIR}/web)
set(CRM_WEB_MODULES ${CRM_WEB_DIR}/node_modules)
# URL path under vendor/ = file in web/node_modules (kept in one place: the pages import these paths).
set(CRM_WEB_VENDOR_FILES
    "chart.umd.js=${CRM_WEB_MODULES}/chart.js/dist/chart.umd.js"
    "marked.esm.js=${CRM_WEB_MODULES}/marked/lib/marked.esm.js"
    "purify.es.mjs=${CRM_WEB_MODULES}/dompurify/dist/purify.es.mjs")

file(GLOB_RECURSE CRM_WEB_OWN_FILES CONFIGURE_DEPENDS RELATIVE ${CRM_WEB_DIR}
     ${CRM_WEB_DIR}/css/* ${CRM_WEB_DIR}/js/*.js)
list(PREPEND CRM_WEB_OWN_FILES index.html)

set(CRM_WEB_MANIFEST_TEXT "")
set(CRM_WEB_INPUTS "")
foreach(relative ${CRM_WEB_OWN_FILES})
  string(APPEND CRM_WEB_MANIFEST_TEXT "${relative}=${CRM_WEB_DIR}/${relative}\n")
  list(APPEND CRM_WEB_INPUTS ${CRM_WEB_DIR}/${relative})
endforeach()
foreach(entry ${CRM_WEB_VENDOR_FILES})
  string(REGEX REPLACE "=.*" "" name "${entry}")
  string(REGEX REPLACE "^[^=]*=" "" source "${entry}")
  if(NOT EXISTS ${source})
    message(FATAL_ERROR "web UI: ${source} is missing: run scripts/install-deps.sh (npm ci in web/)")
  endif()
  string(APPEND CRM_WEB_MANIFEST_TEXT "vendor/${name}=${source}\n")
  list(APPEND CRM_WEB_INPUTS ${source})
endforeach()

set(CRM_WEB_MANIFEST ${PROJECT_BINARY_DIR}/generated/web_assets.manifest)
set(CRM_WEB_ASSETS_CPP ${PROJECT_BINARY_DIR}/generated/web_assets_data.cpp)
file(CONFIGURE OUTPUT ${CRM_WEB_MANIFEST} CONTENT "${CRM_WEB_MANIFEST_TEXT}")
add_custom_command(
  OUTPUT ${CRM_WEB_ASSETS_CPP}
  COMMAND ${CMAKE_COMMAND} -DMANIFEST=${CRM_WEB_MANIFEST} -DOUTPUT=${CRM_WEB_ASSETS_CPP}
          -DHEADER=${PROJECT_SOURCE_DIR}/src/server/embedded_files.h
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_web_generate.cmake
  DEPENDS ${CRM_WEB_INPUTS} ${CRM_WEB_MANIFEST} ${PROJECT_SOURCE_DIR}/cmake/embed_web_generate.cmake
  COMMENT "Embedding the web UI"
  VERBATIM)
target_sources(crm PRIVATE ${CRM_WEB_ASSETS_CPP})
