import type { ApiKind } from './source-facts.js';

/**
 * APIs whose use matters for a move, per language, as data: constructors (`new FileWriter`),
 * static or module calls (`Files.write`, `os.system`), methods on any receiver (`getSession`),
 * and types whose mere use says enough (`HttpSession`).
 */
export interface ApiCatalog {
  constructors: Record<string, ApiKind>;
  calls: Record<string, ApiKind>;
  methods: Record<string, ApiKind>;
  types: Record<string, ApiKind>;
}

/**
 * Catalogues are looked up by names taken from scanned code: `toString` or `constructor` must find
 * nothing, not Object.prototype's functions (which a fact cache cannot even store).
 */
function catalog(entries: ApiCatalog): ApiCatalog {
  const own = (record: Record<string, ApiKind>) => Object.freeze(Object.assign(Object.create(null) as Record<string, ApiKind>, record));
  return { constructors: own(entries.constructors), calls: own(entries.calls), methods: own(entries.methods), types: own(entries.types) };
}

export const JAVA_APIS: ApiCatalog = catalog({
  constructors: {
    FileWriter: 'file-write', FileOutputStream: 'file-write', RandomAccessFile: 'file-write', PrintStream: 'file-write',
    FileReader: 'file-read', FileInputStream: 'file-read',
    Socket: 'socket', ServerSocket: 'socket', DatagramSocket: 'socket', MulticastSocket: 'socket',
    Thread: 'thread', ProcessBuilder: 'process-exec', InitialContext: 'jndi',
  },
  calls: {
    'Files.write': 'file-write', 'Files.writeString': 'file-write', 'Files.newBufferedWriter': 'file-write', 'Files.newOutputStream': 'file-write',
    'Files.copy': 'file-write', 'Files.move': 'file-write', 'Files.delete': 'file-write', 'Files.createFile': 'file-write', 'Files.createDirectories': 'file-write',
    // Listings of a folder: what a drop-folder reader starts with (File.list* when the receiver is a java.io.File).
    'File.listFiles': 'file-read', 'File.list': 'file-read', 'Files.list': 'file-read', 'Files.walk': 'file-read', 'Files.newDirectoryStream': 'file-read',
    'Files.readAllLines': 'file-read', 'Files.readAllBytes': 'file-read', 'Files.readString': 'file-read', 'Files.newBufferedReader': 'file-read', 'Files.lines': 'file-read', 'Files.newInputStream': 'file-read',
    'System.getenv': 'environment', 'System.getProperty': 'system-property', 'System.setProperty': 'system-property',
    'Executors.newFixedThreadPool': 'thread', 'Executors.newCachedThreadPool': 'thread',
    'Executors.newScheduledThreadPool': 'thread', 'Class.forName': 'reflection', 'InitialContext.doLookup': 'jndi',
    'InetAddress.getLocalHost': 'machine-name',
  },
  methods: { getSession: 'session', exec: 'process-exec', lookup: 'jndi' },
  types: { HttpSession: 'session', ExecutorService: 'thread', Socket: 'socket', ServerSocket: 'socket' },
});

export const CSHARP_APIS: ApiCatalog = catalog({
  constructors: {
    StreamWriter: 'file-write', FileStream: 'file-write', StreamReader: 'file-read', TcpClient: 'socket', TcpListener: 'socket',
    UdpClient: 'socket', Socket: 'socket', Thread: 'thread', Process: 'process-exec',
  },
  calls: {
    'File.WriteAllText': 'file-write', 'File.WriteAllLines': 'file-write', 'File.WriteAllBytes': 'file-write', 'File.AppendAllText': 'file-write',
    'File.AppendAllLines': 'file-write', 'File.Create': 'file-write', 'File.OpenWrite': 'file-write', 'File.Copy': 'file-write', 'File.Move': 'file-write',
    'File.Delete': 'file-write', 'Directory.CreateDirectory': 'file-write',
    'File.ReadAllText': 'file-read', 'File.ReadAllLines': 'file-read', 'File.ReadAllBytes': 'file-read', 'File.OpenRead': 'file-read', 'File.Exists': 'file-read',
    'File.ReadLines': 'file-read', 'File.OpenText': 'file-read', 'File.ReadAllTextAsync': 'file-read', 'File.ReadAllLinesAsync': 'file-read', 'File.ReadAllBytesAsync': 'file-read',
    'File.WriteAllTextAsync': 'file-write', 'File.WriteAllLinesAsync': 'file-write', 'File.WriteAllBytesAsync': 'file-write', 'File.AppendAllTextAsync': 'file-write',
    'File.AppendAllLinesAsync': 'file-write',
    'Directory.GetFiles': 'file-read', 'Directory.EnumerateFiles': 'file-read', 'Directory.GetDirectories': 'file-read', 'Directory.EnumerateDirectories': 'file-read',
    'Environment.GetEnvironmentVariable': 'environment', 'ConfigurationManager.AppSettings': 'system-property', 'Process.Start': 'process-exec',
    'ThreadPool.QueueUserWorkItem': 'thread', 'Task.Run': 'thread', 'Registry.LocalMachine': 'registry', 'Registry.CurrentUser': 'registry',
    'Registry.GetValue': 'registry', 'Type.GetType': 'reflection', 'Activator.CreateInstance': 'reflection', 'Assembly.Load': 'reflection',
    'Environment.MachineName': 'machine-name', 'Dns.GetHostName': 'machine-name',
  },
  // HttpPostedFile(Base).SaveAs(path): an upload written to the server's disk.
  methods: { OpenSubKey: 'registry', SaveAs: 'file-write' },
  types: { HttpSessionState: 'session', RegistryKey: 'registry' },
});

export const PYTHON_APIS: ApiCatalog = catalog({
  constructors: {},
  calls: {
    'os.getenv': 'environment', 'os.environ': 'environment', 'os.putenv': 'environment',
    'os.system': 'process-exec', 'os.popen': 'process-exec', 'os.spawnl': 'process-exec', 'subprocess.run': 'process-exec', 'subprocess.call': 'process-exec',
    'subprocess.Popen': 'process-exec', 'subprocess.check_output': 'process-exec', 'subprocess.check_call': 'process-exec',
    'socket.socket': 'socket', 'socket.create_connection': 'socket', 'threading.Thread': 'thread', 'multiprocessing.Pool': 'thread',
    'multiprocessing.Process': 'thread', 'concurrent.futures.ThreadPoolExecutor': 'thread', 'concurrent.futures.ProcessPoolExecutor': 'thread',
    'shutil.copy': 'file-write', 'shutil.move': 'file-write', 'shutil.rmtree': 'file-write', 'os.remove': 'file-write', 'os.makedirs': 'file-write',
    'os.listdir': 'file-read', 'os.scandir': 'file-read', 'os.walk': 'file-read', 'glob.glob': 'file-read', 'glob.iglob': 'file-read',
    'importlib.import_module': 'reflection',
    'socket.gethostname': 'machine-name', 'socket.getfqdn': 'machine-name', 'platform.node': 'machine-name', 'os.uname': 'machine-name',
  },
  methods: {
    to_csv: 'file-write', to_parquet: 'file-write', to_excel: 'file-write', to_pickle: 'file-write', savetxt: 'file-write', write_text: 'file-write', write_bytes: 'file-write',
    read_csv: 'file-read', read_parquet: 'file-read', read_excel: 'file-read', read_pickle: 'file-read', loadtxt: 'file-read', read_text: 'file-read', read_bytes: 'file-read',
  },
  types: { session: 'session' },
});

function promiseApis(names: string[], api: ApiKind): Record<string, ApiKind> {
  return Object.fromEntries(names.flatMap((name) => [[`fs/promises.${name}`, api], [`fs.promises.${name}`, api], [`node:fs/promises.${name}`, api]]));
}

/** Node.js: module functions keyed as module.function, whatever name the file imports them under. */
export const NODE_APIS: ApiCatalog = catalog({
  constructors: { Worker: 'thread', Socket: 'socket' },
  calls: {
    'fs.writeFile': 'file-write', 'fs.writeFileSync': 'file-write', 'fs.appendFile': 'file-write', 'fs.appendFileSync': 'file-write',
    'fs.createWriteStream': 'file-write', 'fs.mkdir': 'file-write', 'fs.mkdirSync': 'file-write', 'fs.rm': 'file-write', 'fs.rmSync': 'file-write',
    'fs.unlink': 'file-write', 'fs.unlinkSync': 'file-write', 'fs.rename': 'file-write', 'fs.renameSync': 'file-write', 'fs.copyFile': 'file-write',
    'fs.copyFileSync': 'file-write', 'fs.cp': 'file-write', 'fs.cpSync': 'file-write', 'fs.rmdir': 'file-write', 'fs.rmdirSync': 'file-write',
    'fs.truncate': 'file-write', 'fs.truncateSync': 'file-write', 'fs.symlink': 'file-write', 'fs.symlinkSync': 'file-write',
    'fs.readFile': 'file-read', 'fs.readFileSync': 'file-read', 'fs.createReadStream': 'file-read', 'fs.readdir': 'file-read', 'fs.readdirSync': 'file-read',
    // The promise API, imported from fs/promises or reached as fs.promises.
    ...promiseApis(['writeFile', 'appendFile', 'mkdir', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'truncate', 'symlink'], 'file-write'),
    ...promiseApis(['readFile', 'readdir', 'open'], 'file-read'),
    'child_process.exec': 'process-exec', 'child_process.execSync': 'process-exec', 'child_process.spawn': 'process-exec', 'child_process.spawnSync': 'process-exec',
    'child_process.execFile': 'process-exec', 'child_process.fork': 'process-exec',
    'net.connect': 'socket', 'net.createConnection': 'socket', 'net.createServer': 'socket', 'dgram.createSocket': 'socket',
    'worker_threads.Worker': 'thread', 'cluster.fork': 'thread',
    'os.hostname': 'machine-name',
  },
  methods: {},
  types: { Session: 'session', SessionData: 'session' },
});

export const GO_APIS: ApiCatalog = catalog({
  constructors: {},
  calls: {
    'os.WriteFile': 'file-write', 'os.Create': 'file-write', 'os.OpenFile': 'file-write', 'os.Remove': 'file-write', 'os.RemoveAll': 'file-write',
    'os.Mkdir': 'file-write', 'os.MkdirAll': 'file-write', 'os.Rename': 'file-write', 'ioutil.WriteFile': 'file-write',
    'os.ReadFile': 'file-read', 'os.Open': 'file-read', 'ioutil.ReadFile': 'file-read', 'os.ReadDir': 'file-read',
    'ioutil.ReadDir': 'file-read', 'filepath.Walk': 'file-read', 'filepath.WalkDir': 'file-read', 'filepath.Glob': 'file-read',
    'os.Getenv': 'environment', 'os.LookupEnv': 'environment', 'os.Setenv': 'environment',
    'exec.Command': 'process-exec', 'exec.CommandContext': 'process-exec', 'syscall.Exec': 'process-exec',
    'net.Dial': 'socket', 'net.Listen': 'socket', 'net.DialTimeout': 'socket', 'net.ListenPacket': 'socket',
    'reflect.ValueOf': 'reflection',
    'os.Hostname': 'machine-name',
  },
  methods: {},
  types: {},
});

/** PHP: global functions by name (file_put_contents), superglobals as types ($_SESSION). */
export const PHP_APIS: ApiCatalog = catalog({
  constructors: { SplFileObject: 'file-read', PDO: 'socket' },
  calls: {
    file_put_contents: 'file-write', fwrite: 'file-write', fputs: 'file-write', unlink: 'file-write', mkdir: 'file-write', rename: 'file-write',
    copy: 'file-write', move_uploaded_file: 'file-write', tempnam: 'file-write', touch: 'file-write',
    file_get_contents: 'file-read', file: 'file-read', readfile: 'file-read', fread: 'file-read', scandir: 'file-read', glob: 'file-read', opendir: 'file-read',
    getenv: 'environment', putenv: 'environment',
    exec: 'process-exec', shell_exec: 'process-exec', system: 'process-exec', passthru: 'process-exec', proc_open: 'process-exec', popen: 'process-exec',
    fsockopen: 'socket', socket_create: 'socket', stream_socket_client: 'socket', stream_socket_server: 'socket', curl_init: 'socket',
    session_start: 'session', pcntl_fork: 'thread',
    gethostname: 'machine-name', php_uname: 'machine-name',
  },
  methods: {},
  types: { _SESSION: 'session', _ENV: 'environment', _FILES: 'file-write' },
});
