@echo off
rem Pasang ppid untuk tombol register Excel: lingkungan Python di C:\PPID\python, paket dari berkas
rem wheel di samping skrip ini, lalu "ppid doctor" untuk setiap register di C:\PPID.
rem Pemakaian:  install.bat [FOLDER_PPID]      (bawaan: C:\PPID)
rem Tanpa internet: taruh semua wheel dependensi di folder "wheels" di samping skrip ini.
setlocal EnableExtensions
set "PPID_HOME=C:\PPID"
if not "%~1"=="" set "PPID_HOME=%~1"
set "VENV=%PPID_HOME%\python"
set "HERE=%~dp0"

set "WHEEL="
for %%W in ("%HERE%ppid-*.whl") do set "WHEEL=%%~fW"
if not defined WHEEL (
  echo Berkas ppid-*.whl tidak ditemukan di %HERE%. Salin wheel ke folder yang sama dengan install.bat.
  exit /b 2
)

where py >nul 2>nul
if errorlevel 1 (
  echo Python Launcher "py" tidak ditemukan. Pasang Python 3.11 atau lebih baru ^(64-bit^) dari python.org, lalu ulangi.
  exit /b 2
)
py -3 -c "import sys; sys.exit(sys.version_info < (3, 11))"
if errorlevel 1 (
  echo Python 3.11 atau lebih baru diperlukan ^(py -3 menunjuk ke versi lama^). Pasang dari python.org, lalu ulangi.
  exit /b 2
)

if not exist "%PPID_HOME%" mkdir "%PPID_HOME%"
if not exist "%VENV%\Scripts\python.exe" (
  echo Membuat lingkungan Python di %VENV% ...
  py -3 -m venv "%VENV%"
  if errorlevel 1 ( echo Gagal membuat lingkungan Python di %VENV%. & exit /b 2 )
)

set "SOURCE="
if exist "%HERE%wheels\" set "SOURCE=--no-index --find-links "%HERE%wheels""
echo Memasang %WHEEL% ...
"%VENV%\Scripts\python.exe" -m pip install --upgrade %SOURCE% "%WHEEL%"
if errorlevel 1 (
  echo Pemasangan gagal; lihat pesan di atas. Di balik proxy: set HTTPS_PROXY=http://proxy:port lalu ulangi.
  exit /b 3
)

"%VENV%\Scripts\python.exe" -c "import win32com.client" >nul 2>nul
if errorlevel 1 "%VENV%\Scripts\python.exe" -m pywin32_postinstall -install >nul

echo.
"%VENV%\Scripts\ppid.exe" --version
set "FOUND="
for %%R in ("%PPID_HOME%\*.xlsm") do (
  set "FOUND=1"
  "%VENV%\Scripts\ppid.exe" doctor "%%~fR"
)
if not defined FOUND (
  echo Belum ada register di %PPID_HOME%. Buat dengan:
  echo   "%VENV%\Scripts\ppid.exe" init "%PPID_HOME%\register_ppid_2026.xlsm"
  echo lalu periksa dengan:
  echo   "%VENV%\Scripts\ppid.exe" doctor "%PPID_HOME%\register_ppid_2026.xlsm"
)
echo.
echo Selesai. Register yang dibuat di PC lain: jalankan "ppid doctor REGISTER --perbaiki".
endlocal
