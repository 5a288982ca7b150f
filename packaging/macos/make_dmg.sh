#!/bin/sh
# macOS release steps after `python scripts/build_installer.py` has made "dist/Evidence Desk.app":
# sign (hardened runtime), pack a .dmg, sign it, notarise it and staple the ticket. Untested in CI (no
# macOS runner); docs/installer.md explains each step.
#
# Environment (nothing secret is stored in the repository):
#   EVIDENCE_DESK_CODESIGN_IDENTITY  "Developer ID Application: Company (TEAMID)" (required to sign)
#   EVIDENCE_DESK_NOTARY_PROFILE     a `xcrun notarytool store-credentials` keychain profile (to notarise)
set -eu
cd "$(dirname "$0")/../.."
VERSION=$(python3 -c "import ast,sys;t=ast.parse(open('desktop_app/__init__.py').read());print(next(n.value.value for n in t.body if isinstance(n,ast.Assign) and getattr(n.targets[0],'id','')=='__version__'))")
APP="dist/Evidence Desk.app"
DMG="dist/evidence-desk-$VERSION-macos-$(uname -m).dmg"
IDENTITY="${EVIDENCE_DESK_CODESIGN_IDENTITY:?set EVIDENCE_DESK_CODESIGN_IDENTITY to a Developer ID Application identity}"
ENTITLEMENTS=packaging/macos/entitlements.plist

# PyInstaller already signed every binary when the identity was set at build time; re-sign the bundle
# as a whole with the hardened runtime and a secure timestamp, which notarisation requires.
codesign --force --deep --options runtime --timestamp --entitlements "$ENTITLEMENTS" --sign "$IDENTITY" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

rm -f "$DMG"
STAGE=$(mktemp -d)
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Evidence Desk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
rm -rf "$STAGE"
codesign --force --timestamp --sign "$IDENTITY" "$DMG"

if [ -n "${EVIDENCE_DESK_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$EVIDENCE_DESK_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    xcrun stapler validate "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
else
    echo "EVIDENCE_DESK_NOTARY_PROFILE not set: $DMG is signed but not notarised" >&2
fi
echo "$DMG"
