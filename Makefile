# The two quick-start commands: `make example` and `make test`. Each installs what the build needs
# on a Debian machine that has only the Swift toolchain, then builds.
SWIFT ?= swift
DEBIAN_PACKAGES := libxml2-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libvips-dev libcld2-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT ?= out

.PHONY: deps build release example test clean

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	  else echo "please install:$$missing (see README: macOS)"; fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# Converts the bundled example into every format the build writes, into $(OUT)/.
example: release
	@mkdir -p $(OUT)
	@for fmt in $$(.build/release/articlekit formats --names); do \
	  .build/release/articlekit convert examples/000_seed.txt --to $$fmt --output $(OUT)/000_seed.$$fmt || exit 1; \
	  echo "wrote $(OUT)/000_seed.$$fmt"; \
	done

test: deps
	$(SWIFT) test

clean:
	rm -rf .build $(OUT)
