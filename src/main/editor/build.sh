#!/bin/sh
# Builds the visual editor bundle from the committed package-lock.json:
#   webroot/assets/visual-editor.js and webroot/assets/visual-editor.css (minified).
# Needs Node.js 20+ and npm. The bundle is committed, so `mvn verify` never needs Node;
# run this only after changing src/main/editor/ or the versions in package.json.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
version=$(node -p 'JSON.parse(require("fs").readFileSync("node_modules/@milkdown/kit/package.json")).version')
npx esbuild visual-editor.js \
  --bundle --minify --format=iife --target=es2020 \
  --define:__MILKDOWN_VERSION__="\"$version\"" \
  --legal-comments=eof \
  --banner:js="/* Metodichka visual editor: Milkdown $version (MIT), built by src/main/editor/build.sh from package-lock.json */" \
  --banner:css="/* Metodichka visual editor: Milkdown $version (MIT), built by src/main/editor/build.sh */" \
  --outfile=../../../webroot/assets/visual-editor.js
ls -l ../../../webroot/assets/visual-editor.js ../../../webroot/assets/visual-editor.css
