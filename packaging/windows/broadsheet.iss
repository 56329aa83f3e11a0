; Inno Setup 6.3+ script: installs the PyInstaller bundle for the current user (no administrator
; rights), with a Start-menu shortcut, an optional desktop shortcut, and Broadsheet offered for
; .rss and .atom files and feed: links. Uninstalling removes the program, the shortcuts and every
; registry entry written here; the user's articles (in %LOCALAPPDATA%\Broadsheet) stay.
;
;   iscc /DAppVersion=0.2.0 packaging\windows\broadsheet.iss    (see README.md beside this file)

#ifndef AppVersion
  #define AppVersion "0.2.0"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller to this app: never change it.
AppId={{BC1AC13E-50D5-4E6C-9010-3E1005F93672}
AppName=Broadsheet
AppVersion={#AppVersion}
AppVerName=Broadsheet {#AppVersion}
AppPublisher=The Broadsheet developers
; Paths below are relative to the repository's root.
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=Broadsheet-{#AppVersion}-setup
PrivilegesRequired=lowest
; With lowest privileges {autopf} is %LOCALAPPDATA%\Programs.
DefaultDirName={autopf}\Broadsheet
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=LICENSE
SetupIconFile=packaging\windows\broadsheet.ico
UninstallDisplayIcon={app}\broadsheet.exe
UninstallDisplayName=Broadsheet
ChangesAssociations=yes
WizardStyle=modern
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\broadsheet\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Broadsheet"; Filename: "{app}\broadsheet.exe"
Name: "{autodesktop}\Broadsheet"; Filename: "{app}\broadsheet.exe"; Tasks: desktopicon

[Registry]
; Feed files: a ProgID for each type, listed under the extension's OpenWithProgids so that
; Broadsheet is offered for them without taking them from a program the user chose.
Root: HKCU; Subkey: "Software\Classes\Broadsheet.RSSFeed"; ValueType: string; ValueName: ""; ValueData: "RSS feed"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Broadsheet.RSSFeed\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\broadsheet.exe,0"
Root: HKCU; Subkey: "Software\Classes\Broadsheet.RSSFeed\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\broadsheet.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.rss"; ValueType: none; Flags: uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.rss\OpenWithProgids"; ValueType: string; ValueName: "Broadsheet.RSSFeed"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\Broadsheet.AtomFeed"; ValueType: string; ValueName: ""; ValueData: "Atom feed"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Broadsheet.AtomFeed\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\broadsheet.exe,0"
Root: HKCU; Subkey: "Software\Classes\Broadsheet.AtomFeed\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\broadsheet.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.atom"; ValueType: none; Flags: uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.atom\OpenWithProgids"; ValueType: string; ValueName: "Broadsheet.AtomFeed"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
; "Open with" lists Broadsheet for the feed types under its own name.
Root: HKCU; Subkey: "Software\Classes\Applications\broadsheet.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Broadsheet"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\broadsheet.exe\SupportedTypes"; ValueType: string; ValueName: ".rss"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\broadsheet.exe\SupportedTypes"; ValueType: string; ValueName: ".atom"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\broadsheet.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\broadsheet.exe"" ""%1"""
; feed: links (feed:https://example.org/rss, feed://example.org/rss) arrive whole as the argument.
Root: HKCU; Subkey: "Software\Classes\feed"; ValueType: string; ValueName: ""; ValueData: "URL:Feed Protocol"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\feed"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\feed\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\broadsheet.exe,0"
Root: HKCU; Subkey: "Software\Classes\feed\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\broadsheet.exe"" ""%1"""

[Run]
Filename: "{app}\broadsheet.exe"; Description: "{cm:LaunchProgram,Broadsheet}"; Flags: nowait postinstall skipifsilent
