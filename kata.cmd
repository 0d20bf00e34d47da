@echo off
rem The kata runner for Windows: kata list, kata check <slug>, kata --help.
setlocal
set "ROOT=%~dp0"
set "DLL=%ROOT%src\Katas.Cli\bin\Release\net10.0\kata.dll"
if not exist "%DLL%" (
  dotnet build "%ROOT%src\Katas.Cli\Katas.Cli.csproj" -c Release -nologo -v:q -clp:NoSummary || exit /b 2
) else (
  rem Rebuild quietly when the runner's sources changed; MSBuild skips the work when nothing did.
  dotnet build "%ROOT%src\Katas.Cli\Katas.Cli.csproj" -c Release -nologo -v:q -clp:NoSummary --no-restore >nul 2>&1 || dotnet build "%ROOT%src\Katas.Cli\Katas.Cli.csproj" -c Release -nologo -v:q -clp:NoSummary || exit /b 2
)
dotnet "%DLL%" %*
exit /b %ERRORLEVEL%
