/**
 * An RVTools export as one CSV per sheet, with the columns RVTools 4.x writes (a subset, in its
 * order). The estate: a Windows 2003 file server with an RDM and a multi-writer disk, a powered-
 * off SQL Server 2012 VM with snapshots, two Linux guests left named localhost.localdomain (one
 * sized on what it uses, one whose tools stopped), a
 * Solaris x86 VM with an SR-IOV adapter, a guest whose 70 TiB data disk no cloud attaches, a template, and an ESXi host.
 */
const VINFO = [
  'VM,Powerstate,Template,DNS Name,CPUs,Memory,NICs,Disks,Primary IP Address,Provisioned MiB,In Use MiB,Firmware,Datacenter,Cluster,Host,OS according to the configuration file,OS according to the VMware Tools,VM UUID',
  'FS-LEGACY01,poweredOn,False,fs-legacy01.corp.example,2,4096,1,3,10.10.1.5,1153434,800000,bios,DC1,CL-WIN,esx01.corp.example,Microsoft Windows Server 2003 Standard (32-bit),Microsoft Windows Server 2003 Standard (32-bit),42001111-aaaa-bbbb-cccc-000000000001',
  'SQL-REPORTS,poweredOff,False,sql-reports.corp.example,8,32768,1,2,10.10.1.20,512000,300000,efi,DC1,CL-WIN,esx01.corp.example,Microsoft Windows Server 2012 (64-bit),Microsoft Windows Server 2012 R2 Standard (64-bit),42001111-aaaa-bbbb-cccc-000000000002',
  'app-node-a,poweredOn,False,localhost.localdomain,4,8192,1,1,10.10.2.11,81920,40000,bios,DC1,CL-LNX,esx02.corp.example,Red Hat Enterprise Linux 8 (64-bit),Red Hat Enterprise Linux 8.9 (Ootpa),42001111-aaaa-bbbb-cccc-000000000003',
  'app-node-b,poweredOn,False,localhost.localdomain,4,8192,1,1,10.10.2.12,81920,40000,bios,DC1,CL-LNX,esx02.corp.example,Red Hat Enterprise Linux 8 (64-bit),Red Hat Enterprise Linux 8.9 (Ootpa),42001111-aaaa-bbbb-cccc-000000000004',
  'sol-billing,poweredOn,False,sol-billing.corp.example,4,16384,1,1,10.10.3.7,102400,70000,bios,DC1,CL-LNX,esx02.corp.example,Oracle Solaris 11 (64-bit),Oracle Solaris 11 (64-bit),42001111-aaaa-bbbb-cccc-000000000005',
  'archive01,poweredOn,False,archive01.corp.example,4,16384,1,2,10.10.3.9,71761920,60000000,efi,DC1,CL-LNX,esx02.corp.example,Ubuntu Linux (64-bit),Ubuntu 22.04.4 LTS,42001111-aaaa-bbbb-cccc-000000000006',
  'tpl-rhel9,poweredOff,True,,2,4096,1,1,,40960,0,efi,DC1,CL-LNX,esx02.corp.example,Red Hat Enterprise Linux 9 (64-bit),,42001111-aaaa-bbbb-cccc-000000000007',
].join('\n');

// vCPU names the VM, its power state and CPUs, like vInfo: it must not be read as vInfo.
const VCPU = [
  'VM,Powerstate,Template,CPUs,Sockets,Cores p/s,Max,Overall,Level,Shares,Reservation,Datacenter,Cluster,Host',
  'FS-LEGACY01,poweredOn,False,2,2,1,4800,310,normal,2000,0,DC1,CL-WIN,esx01.corp.example',
  'SQL-REPORTS,poweredOff,False,8,4,2,19200,0,normal,8000,0,DC1,CL-WIN,esx01.corp.example',
  'app-node-a,poweredOn,False,4,4,1,9600,960,normal,4000,0,DC1,CL-LNX,esx02.corp.example',
].join('\n');

// What app-node-a uses: 10 % of its CPU and 20 % of its memory active, so it is sized on use.
const VMEMORY = [
  'VM,Powerstate,Template,Size MiB,Overhead,Max,Consumed,Consumed Overhead,Private,Shared,Swapped,Ballooned,Active,Entitlement,Datacenter,Cluster,Host',
  'app-node-a,poweredOn,False,8192,51,8192,6100,51,6000,100,0,0,1638,8192,DC1,CL-LNX,esx02.corp.example',
  'SQL-REPORTS,poweredOff,False,32768,0,32768,0,0,0,0,0,0,0,0,DC1,CL-WIN,esx01.corp.example',
].join('\n');

// app-node-b's guest tools stopped.
const VTOOLS = [
  'VM,Powerstate,Template,VM Version,Tools,Tools Version,Required Version,Upgradeable,Upgrade Policy,Datacenter,Cluster,Host',
  'app-node-a,poweredOn,False,vmx-19,toolsOk,12352,12352,False,manual,DC1,CL-LNX,esx02.corp.example',
  'app-node-b,poweredOn,False,vmx-19,toolsNotRunning,12352,12352,False,manual,DC1,CL-LNX,esx02.corp.example',
].join('\n');

// Older exports have no Template column here: the template's NIC must not bring it back as a server.
const VNETWORK = [
  'VM,Powerstate,NIC label,Adapter,Network,Switch,Connected,Mac Address,Type,IPv4 Address,IPv6 Address,Datacenter,Cluster,Host',
  'FS-LEGACY01,poweredOn,Network adapter 1,E1000,VLAN10,vSwitch0,True,00:50:56:aa:00:01,assigned,10.10.1.5,,DC1,CL-WIN,esx01.corp.example',
  'sol-billing,poweredOn,Network adapter 2,SriovEthernetCard,VLAN30,vSwitch1,True,00:50:56:aa:00:05,assigned,10.10.30.7,,DC1,CL-LNX,esx02.corp.example',
  'tpl-rhel9,poweredOff,Network adapter 1,Vmxnet3,VLAN20,vSwitch0,False,00:50:56:aa:00:07,assigned,,,DC1,CL-LNX,esx02.corp.example',
].join('\n');

const VDISK = [
  'VM,Powerstate,Template,Disk,Capacity MiB,Raw,Disk Mode,Sharing mode,Thin,Controller,Datacenter,Cluster,Host',
  'FS-LEGACY01,poweredOn,False,Hard disk 1,40960,False,persistent,sharingNone,True,SCSI controller 0,DC1,CL-WIN,esx01.corp.example',
  'FS-LEGACY01,poweredOn,False,Hard disk 2,1048576,True,persistent,sharingNone,False,SCSI controller 1,DC1,CL-WIN,esx01.corp.example',
  'FS-LEGACY01,poweredOn,False,Hard disk 3,102400,False,independent_persistent,sharingMultiWriter,False,SCSI controller 1,DC1,CL-WIN,esx01.corp.example',
  'archive01,poweredOn,False,Hard disk 1,61440,False,persistent,sharingNone,True,SCSI controller 0,DC1,CL-LNX,esx02.corp.example',
  'archive01,poweredOn,False,Hard disk 2,71700480,False,persistent,sharingNone,True,SCSI controller 0,DC1,CL-LNX,esx02.corp.example',
].join('\n');

const VSNAPSHOT = [
  'VM,Powerstate,Name,Description,Date / time,Filename,Size MiB (vmsn),Size MiB (total),Quiesced,State,Datacenter,Cluster,Host',
  'SQL-REPORTS,poweredOff,before-cu17,,2025/03/02 22:10:00,[ds1] SQL-REPORTS/SQL-REPORTS-Snapshot1.vmsn,0,40960,False,poweredOff,DC1,CL-WIN,esx01.corp.example',
  'SQL-REPORTS,poweredOff,before-cu18,,2025/06/11 21:45:00,[ds1] SQL-REPORTS/SQL-REPORTS-Snapshot2.vmsn,0,20480,False,poweredOff,DC1,CL-WIN,esx01.corp.example',
].join('\n');

const VHOST = [
  'Host,Datacenter,Cluster,CPU Model,# CPU,Cores per CPU,# Cores,# Memory,ESX Version,Vendor,Model',
  'esx01.corp.example,DC1,CL-WIN,Intel(R) Xeon(R) Gold 6248,2,20,40,786432,VMware ESXi 7.0.3 build-21930508,Dell Inc.,PowerEdge R740',
].join('\n');

export const RVTOOLS_EXPORT: Record<string, string> = {
  'inventory/rvtools/RVTools_tabvInfo.csv': `${VINFO}\n`,
  'inventory/rvtools/RVTools_tabvCPU.csv': `${VCPU}\n`,
  'inventory/rvtools/RVTools_tabvMemory.csv': `${VMEMORY}\n`,
  'inventory/rvtools/RVTools_tabvTools.csv': `${VTOOLS}\n`,
  'inventory/rvtools/RVTools_tabvNetwork.csv': `${VNETWORK}\n`,
  'inventory/rvtools/RVTools_tabvDisk.csv': `${VDISK}\n`,
  'inventory/rvtools/RVTools_tabvSnapshot.csv': `${VSNAPSHOT}\n`,
  'inventory/rvtools/RVTools_tabvHost.csv': `${VHOST}\n`,
};
