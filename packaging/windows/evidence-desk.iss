; Inno Setup 6 script for Evidence Desk: installs the PyInstaller one-folder build (dist\evidence-desk).
;
; Build (from the repository root, after `python scripts\build_installer.py` on Windows):
;   iscc /DAppVersion=0.1.0 packaging\windows\evidence-desk.iss
; Signed build: define a sign tool named "evidencedesk" that reads the certificate from the environment
; (see docs/installer.md), then add /DSign:
;   iscc /DAppVersion=0.1.0 /DSign "/Sevidencedesk=signtool.exe sign /fd sha256 /tr %WINDOWS_TIMESTAMP_URL% /td sha256 /f %WINDOWS_CERT_FILE% /p %WINDOWS_CERT_PASSWORD% $f" packaging\windows\evidence-desk.iss
; Output: dist\evidence-desk-<version>-windows-x64-setup.exe

#ifndef AppVersion
  #error Pass the package version: iscc /DAppVersion=X.Y.Z (desktop_app.__version__)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\evidence-desk"
#endif

[Setup]
AppId={{3DC3D6A0-BF5C-44B1-8FA4-90BDDCAE2EDE}
AppName=Evidence Desk
AppVersion={#AppVersion}
AppVerName=Evidence Desk {#AppVersion}
AppPublisher=Evidence Desk
VersionInfoVersion={#AppVersion}
; Per-user install by default (locked-down workstations rarely grant admin); admins may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Evidence Desk
DefaultGroupName=Evidence Desk
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=evidence-desk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\evidence-desk-gui.exe
ChangesEnvironment=yes
#ifdef Sign
SignTool=evidencedesk
SignedUninstaller=yes
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the evidence-desk command to PATH (for scripts and the command line)"; Flags: unchecked

[Files]
; The whole folder: both executables and _internal\ (Python runtime, Qt, OCR models, resources).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Evidence Desk"; Filename: "{app}\evidence-desk-gui.exe"
Name: "{autodesktop}\Evidence Desk"; Filename: "{app}\evidence-desk-gui.exe"; Tasks: desktopicon

[Registry]
; Per-user PATH entry for the console executable (only with the "addtopath" task).
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\evidence-desk-gui.exe"; Description: "{cm:LaunchProgram,Evidence Desk}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
