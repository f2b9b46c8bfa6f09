/**
 * Column names as exports from a German, French, Spanish or Japanese vSphere client or Excel
 * template write them, mapped to the English names the importers ask for. A header found here is
 * also known by its English name; the English one wins where a file has both.
 */
const LOCALISED: Record<string, string[]> = {
  VM: [
    'Name der VM',
    'Virtuelle Maschine',
    'Nom de la VM',
    'Machine virtuelle',
    'Nombre de la VM',
    'Máquina virtual',
    '仮想マシン',
    'VM名',
  ],
  Powerstate: ['Betriebszustand', 'Energiestatus', "État d'alimentation", 'Estado de energía', '電源状態'],
  Template: ['Vorlage', 'Modèle', 'Plantilla', 'テンプレート'],
  'DNS Name': ['DNS-Name', 'Nom DNS', 'Nombre DNS', 'DNS名'],
  CPUs: ['Anzahl CPUs', 'Prozessoren', 'Processeurs', 'Nombre de processeurs', 'Procesadores', 'CPU数'],
  Memory: ['Arbeitsspeicher', 'Speicher', 'Mémoire', 'Memoria', 'メモリ', 'メモリ (MB)'],
  'Primary IP Address': [
    'Primäre IP-Adresse',
    'Adresse IP principale',
    'Dirección IP principal',
    'プライマリ IP アドレス',
  ],
  'Provisioned MiB': [
    'Bereitgestellt MiB',
    'Provisionné Mio',
    'Provisionné MiB',
    'Aprovisionado MiB',
    'プロビジョニング済み MiB',
  ],
  'In Use MiB': ['Belegt MiB', 'Utilisé Mio', 'En uso MiB', '使用中 MiB'],
  'OS according to the configuration file': [
    'Betriebssystem laut Konfigurationsdatei',
    "Système d'exploitation selon le fichier de configuration",
    'Sistema operativo según el archivo de configuración',
    '構成ファイルによるゲスト OS',
  ],
  'OS according to the VMware Tools': [
    'Betriebssystem laut VMware Tools',
    "Système d'exploitation selon VMware Tools",
    'Sistema operativo según VMware Tools',
    'VMware Tools によるゲスト OS',
  ],
  Datacenter: ['Rechenzentrum', 'Centre de données', 'Centro de datos', 'データセンター'],
  Cluster: ['Clúster', 'クラスタ'],
  Host: ['Hôte', 'ホスト'],
  Disk: ['Festplatte', 'Disque', 'Disco', 'ディスク'],
  'Capacity MiB': ['Kapazität MiB', 'Capacité Mio', 'Capacité MiB', 'Capacidad MiB', '容量 MiB'],
  Firmware: ['Micrologiciel', 'ファームウェア'],
};

/** Lowercase letters and digits of any script, accents dropped: "Mémoire" and "memoire" meet, Japanese is kept. */
export function normaliseColumn(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The English name a localised header stands for, normalised; undefined for a header not listed. */
export const englishColumn: (normalised: string) => string | undefined = (() => {
  const byLocalised = new Map<string, string>();
  for (const [english, names] of Object.entries(LOCALISED))
    for (const name of names) byLocalised.set(normaliseColumn(name), normaliseColumn(english));
  return (normalised) => byLocalised.get(normalised);
})();
